package org.recworkbench.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.exercise.Difficulty;
import org.recworkbench.exercise.ExerciseKind;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A student's answers to one exercise, read from the JSON that {@code exercise --json} prints (each step's
 * {@code "answer"} filled in) or from a CSV {@code kind,difficulty,seed,dataset,step,answer} with one row per step.
 * Every refusal names the file, the line (and column or field) and what was expected.
 */
record ExerciseAnswersFile(ExerciseKind kind, Difficulty difficulty, long seed, String dataset,
                           List<Double> answers) {

    static final List<String> CSV_COLUMNS = List.of("kind", "difficulty", "seed", "dataset", "step", "answer");
    private static final int MAX_STEPS = 1000;
    private static final Pattern GSON_WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    static ExerciseAnswersFile read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(name + ": " + (Files.exists(file) ? "not a regular file" : "no such file")
                    + "; expected the JSON of exercise --json with the answers filled in, or a CSV with the columns "
                    + String.join(",", CSV_COLUMNS));
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text; expected JSON or CSV");
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidInputException(name + ":1:1: the file is empty; expected JSON or CSV answers");
        }
        return text.stripLeading().startsWith("{") ? json(name, text) : csv(name, text);
    }

    // ------------------------------------------------------------------ JSON

    private static ExerciseAnswersFile json(String name, String text) {
        JsonObject root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            JsonElement element = JsonParser.parseReader(reader);
            if (!element.isJsonObject()) {
                throw new InvalidInputException(name + ":1:1: expected a JSON object { … }");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : String.valueOf(e.getMessage());
            Matcher where = GSON_WHERE.matcher(message);
            String at = where.find() ? ":" + where.group(1) + ":" + where.group(2) : "";
            String what = message.replaceAll("\\s*See https?://\\S+", "").replaceAll(" at line \\d+ column \\d+.*",
                    "");
            throw new InvalidInputException(name + at + ": not valid JSON (" + what + "); expected the object that "
                    + "exercise --json prints");
        }
        ExerciseKind kind = ExerciseKind.fromCliName(string(name, root, "kind", true));
        String d = string(name, root, "difficulty", false);
        Difficulty difficulty = d == null ? Difficulty.EASY : Difficulty.fromCliName(d);
        long seed = seed(name, root);
        String dataset = string(name, root, "dataset", false);
        JsonElement steps = root.get("steps");
        if (steps == null || !steps.isJsonArray()) {
            throw new InvalidInputException(name + ": field \"steps\" " + (steps == null ? "is missing" : "is not a list")
                    + "; expected [{\"step\": 1, \"answer\": 0.5}, …]");
        }
        List<Double> answers = new ArrayList<>();
        int index = 0;
        for (JsonElement e : steps.getAsJsonArray()) {
            String field = "steps[" + index + "]";
            if (!e.isJsonObject()) {
                throw new InvalidInputException(name + ": field " + field + " is not an object; expected {\"step\": "
                        + (index + 1) + ", \"answer\": …}");
            }
            JsonObject o = e.getAsJsonObject();
            int step = index + 1;
            if (o.has("step") && !o.get("step").isJsonNull()) {
                step = wholeNumber(name, field + ".step", o.get("step"));
                if (step < 1 || step > MAX_STEPS) {
                    throw new InvalidInputException(name + ": field " + field + ".step is " + step
                            + "; expected a step number from 1 to " + MAX_STEPS);
                }
            }
            JsonElement answer = o.get("answer");
            double value = Double.NaN;
            if (answer != null && !answer.isJsonNull()) {
                if (answer.isJsonPrimitive() && answer.getAsJsonPrimitive().isString()
                        && answer.getAsString().isBlank()) {
                    value = Double.NaN;
                } else {
                    value = number(name + ": field " + field + ".answer", answer);
                }
            }
            set(answers, step, value);
            index++;
        }
        return new ExerciseAnswersFile(kind, difficulty, seed, dataset, answers);
    }

    private static String string(String name, JsonObject root, String field, boolean required) {
        JsonElement e = root.get(field);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw new InvalidInputException(name + ": field \"" + field + "\" is missing; expected one of "
                        + String.join(", ", ExerciseKind.cliNames()));
            }
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InvalidInputException(name + ": field \"" + field + "\" is " + e + "; expected a text");
        }
        return e.getAsString();
    }

    private static long seed(String name, JsonObject root) {
        JsonElement e = root.get("seed");
        if (e == null || e.isJsonNull()) {
            throw new InvalidInputException(name + ": field \"seed\" is missing; expected a whole number");
        }
        if (e.isJsonPrimitive()) {
            try {
                return new java.math.BigDecimal(e.getAsJsonPrimitive().getAsString()).longValueExact();
            } catch (NumberFormatException | ArithmeticException ex) {
                // falls through to the message below
            }
        }
        throw new InvalidInputException(name + ": field \"seed\" is " + e + "; expected a whole number");
    }

    private static int wholeNumber(String name, String field, JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return new java.math.BigDecimal(e.getAsString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException ex) {
                // below
            }
        }
        throw new InvalidInputException(name + ": field " + field + " is " + e + "; expected a whole number");
    }

    private static double number(String where, JsonElement e) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber() || p.isString()) {
                Double v = parse(p.getAsString());
                if (v != null) {
                    return v;
                }
            }
        }
        throw new InvalidInputException(where + " is " + e + "; expected a decimal number such as 0.75 (or null"
                + " for no answer)");
    }

    // ------------------------------------------------------------------ CSV

    private static ExerciseAnswersFile csv(String name, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int headerLine = -1;
        for (int k = 0; k < lines.length; k++) {
            if (!lines[k].isBlank()) {
                headerLine = k;
                break;
            }
        }
        List<String> header = Arrays.stream(lines[headerLine].split(",", -1)).map(s -> s.strip()
                .toLowerCase(Locale.ROOT)).toList();
        int[] at = new int[CSV_COLUMNS.size()];
        for (int c = 0; c < CSV_COLUMNS.size(); c++) {
            at[c] = header.indexOf(CSV_COLUMNS.get(c));
            if (at[c] < 0 && !CSV_COLUMNS.get(c).equals("dataset")) {
                throw new InvalidInputException(name + ":" + (headerLine + 1) + ": the header has no column \""
                        + CSV_COLUMNS.get(c) + "\"; expected the columns " + String.join(",", CSV_COLUMNS)
                        + " (or the JSON of exercise --json)");
            }
        }
        ExerciseKind kind = null;
        Difficulty difficulty = null;
        Long seed = null;
        String dataset = null;
        List<Double> answers = new ArrayList<>();
        for (int k = headerLine + 1; k < lines.length; k++) {
            if (lines[k].isBlank()) {
                continue;
            }
            int line = k + 1;
            String[] cells = lines[k].split(",", -1);
            if (cells.length != header.size()) {
                throw new InvalidInputException(name + ":" + line + ": " + cells.length + " fields; expected "
                        + header.size() + " as in the header (" + String.join(",", header) + ")");
            }
            ExerciseKind rowKind = cell(name, line, at[0], cells, "kind", ExerciseKind::fromCliName);
            Difficulty rowDifficulty = cell(name, line, at[1], cells, "difficulty", Difficulty::fromCliName);
            Long rowSeed = cell(name, line, at[2], cells, "seed", s -> {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("seed \"" + s + "\" is not a whole number");
                }
            });
            String rowDataset = at[3] < 0 ? "" : cells[at[3]].strip();
            if (kind == null) {
                kind = rowKind;
                difficulty = rowDifficulty;
                seed = rowSeed;
                dataset = rowDataset.isEmpty() ? null : rowDataset;
            } else if (kind != rowKind || difficulty != rowDifficulty || !seed.equals(rowSeed)
                    || !java.util.Objects.equals(dataset, rowDataset.isEmpty() ? null : rowDataset)) {
                throw new InvalidInputException(name + ":" + line + ": a different exercise (" + rowKind.cliName()
                        + ", " + rowDifficulty.cliName() + ", seed " + rowSeed + ") than the first row's; expected "
                        + "one exercise per file");
            }
            int step = cell(name, line, at[4], cells, "step", s -> {
                try {
                    int v = Integer.parseInt(s);
                    if (v >= 1 && v <= MAX_STEPS) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // below
                }
                throw new InvalidInputException("step \"" + s + "\" is not a step number from 1 to " + MAX_STEPS);
            });
            String raw = cells[at[5]].strip();
            double value = Double.NaN;
            if (!raw.isEmpty()) {
                Double v = parse(raw);
                if (v == null) {
                    throw new InvalidInputException(name + ":" + line + ":" + column(cells, at[5]) + ": answer \""
                            + org.recworkbench.data.Excerpt.of(raw) + "\" is not a number; expected a decimal such as 0.75, or nothing");
                }
                value = v;
            }
            set(answers, step, value);
        }
        if (kind == null) {
            throw new InvalidInputException(name + ":" + (headerLine + 2) + ": no answer rows after the header; "
                    + "expected one row per step");
        }
        return new ExerciseAnswersFile(kind, difficulty, seed, dataset, answers);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T cell(String name, int line, int index, String[] cells, String column, Parser<T> parser) {
        String text = cells[index].strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(name + ":" + line + ":" + column(cells, index) + ": column " + column
                    + " is empty; expected a value");
        }
        try {
            return parser.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + ":" + line + ":" + column(cells, index) + ": " + e.getMessage());
        }
    }

    /** The 1-based character column where field {@code index} starts. */
    private static int column(String[] cells, int index) {
        int column = 1;
        for (int c = 0; c < index; c++) {
            column += cells[c].length() + 1;
        }
        return column;
    }

    /** A plain decimal (dot), or null; NaN and infinities are refused. */
    private static Double parse(String text) {
        String s = text.strip();
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }

    private static void set(List<Double> answers, int step, double value) {
        while (answers.size() < step) {
            answers.add(Double.NaN);
        }
        answers.set(step - 1, value);
    }
}
