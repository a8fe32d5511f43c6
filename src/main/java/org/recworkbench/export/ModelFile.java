package org.recworkbench.export;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ModelState;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Persistable;
import org.recworkbench.algo.Restorable;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.DatasetChecksum;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A fitted model as a file ({@code .rwbm}); the byte layout and version policy are in the README ("Models as
 * files"). Big-endian throughout:
 * <pre>
 * "RWBM"  int version  int headerBytes  header (UTF-8 lines key=value)
 * int arrays  { UTF name  byte type (1 int[], 2 double[], 3 float[])  int length  values }  int CRC32 of all bytes before it
 * </pre>
 * The header holds the recipe (algorithm, every parameter, dataset name, fingerprint and size); the arrays hold the
 * learned state of a {@link Persistable} model, none for a model that is refitted on load. Written through
 * {@link AtomicFile}, so a failure leaves no partial file.
 */
public final class ModelFile {

    public static final byte[] MAGIC = {'R', 'W', 'B', 'M'};
    public static final int VERSION = 1;
    public static final String EXTENSION = ".rwbm";
    private static final byte INTS = 1;
    private static final byte DOUBLES = 2;
    private static final byte FLOATS = 3;
    private static final String PARAM = "param.";

    /** What a model file holds: the header in file order and the state (empty when refitted on load). */
    public record Contents(Map<String, String> header, ModelState state) {

        public String algorithm() {
            return header.getOrDefault("algorithm", "");
        }

        public String datasetName() {
            return header.getOrDefault("dataset", "");
        }

        public String checksum() {
            return header.getOrDefault("dataset-checksum", "");
        }

        /** {@code k=40}, one per parameter, as the CLI's {@code -p} takes them. */
        public List<String> paramAssignments() {
            List<String> assignments = new ArrayList<>();
            header.forEach((key, value) -> {
                if (key.startsWith(PARAM)) {
                    assignments.add(key.substring(PARAM.length()) + "=" + value);
                }
            });
            return assignments;
        }
    }

    private ModelFile() {
    }

    /** "state" when the algorithm's models are stored with their learned numbers, "refit on load" otherwise. */
    public static boolean storesState(Algorithm<?> algorithm) {
        return algorithm instanceof Restorable;
    }

    /** Writes the model atomically; {@code version} is the workbench version for the header. */
    public static void save(Model model, Path target, String version) {
        try (AtomicFile.Pending pending = AtomicFile.begin(target)) {
            write(model, version, Instant.now(), pending.stream());
            pending.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static byte[] encode(Model model, String version, Instant created) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            write(model, version, created, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** The bytes of a model file with this header (in order) and state. */
    static byte[] encode(Map<String, String> header, ModelState state) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            write(header, state, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static void write(Model model, String version, Instant created, OutputStream target) throws IOException {
        Dataset data = model.dataset();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("algorithm", model.algorithmId());
        header.put("dataset", data.name());
        header.put("dataset-checksum", DatasetChecksum.of(data));
        header.put("users", Integer.toString(data.userCount()));
        header.put("items", Integer.toString(data.itemCount()));
        header.put("created", created.toString());
        header.put("workbench-version", version);
        ModelState state = model instanceof Persistable p ? p.state() : new ModelState();
        header.put("content", state.isEmpty() ? "refit-on-load" : "state");
        model.params().asMap().forEach((name, value) -> header.put(PARAM + name, String.valueOf(value)));
        write(header, state, target);
    }

    private static void write(Map<String, String> header, ModelState state, OutputStream target) throws IOException {
        StringBuilder text = new StringBuilder();
        header.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(target, crc));
        out.write(MAGIC);
        out.writeInt(VERSION);
        byte[] headerBytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(headerBytes.length);
        out.write(headerBytes);
        out.writeInt(state.arrays().size());
        for (Map.Entry<String, Object> e : state.arrays().entrySet()) {
            out.writeUTF(e.getKey());
            if (e.getValue() instanceof int[] ints) {
                out.writeByte(INTS);
                out.writeInt(ints.length);
                for (int v : ints) {
                    out.writeInt(v);
                }
            } else if (e.getValue() instanceof float[] floats) {
                out.writeByte(FLOATS);
                out.writeInt(floats.length);
                for (float v : floats) {
                    out.writeFloat(v);
                }
            } else {
                double[] doubles = (double[]) e.getValue();
                out.writeByte(DOUBLES);
                out.writeInt(doubles.length);
                for (double v : doubles) {
                    out.writeDouble(v);
                }
            }
        }
        out.flush();
        new DataOutputStream(target).writeInt((int) crc.getValue());
        target.flush();
    }

    /**
     * Reads and checks the container (magic, version, CRC, complete), not yet the dataset.
     *
     * @throws InvalidInputException naming the file and what is wrong
     */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such model file");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return decode(bytes, file.getFileName().toString());
    }

    static Contents decode(byte[] bytes, String name) {
        if (bytes.length < 8 || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1] || bytes[2] != MAGIC[2]
                || bytes[3] != MAGIC[3]) {
            throw new InvalidInputException(name + " is not a workbench model file (it does not start with RWBM)");
        }
        int version = ((bytes[4] & 0xff) << 24) | ((bytes[5] & 0xff) << 16) | ((bytes[6] & 0xff) << 8)
                | (bytes[7] & 0xff);
        if (version != VERSION) {
            throw new InvalidInputException(name + " has model format version " + version + "; this workbench reads"
                    + " version " + VERSION + (version > VERSION ? " (it was written by a newer workbench)" : ""));
        }
        if (bytes.length < 16) {
            throw new InvalidInputException(name + " is truncated (" + bytes.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xff) << 24) | ((bytes[bytes.length - 3] & 0xff) << 16)
                | ((bytes[bytes.length - 2] & 0xff) << 8) | (bytes[bytes.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) {
            throw new InvalidInputException(name + " is truncated or damaged (its CRC32 does not match)");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 12));
            int headerLength = in.readInt();
            if (headerLength < 0 || headerLength > bytes.length) {
                throw new InvalidInputException(name + " is damaged (header length " + headerLength + ")");
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length != headerLength) {
                throw new EOFException();
            }
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : new String(headerBytes, StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    header.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            ModelState state = new ModelState();
            int arrays = in.readInt();
            for (int a = 0; a < arrays; a++) {
                String arrayName = in.readUTF();
                byte type = in.readByte();
                int length = in.readInt();
                if (length < 0 || (long) length * (type == DOUBLES ? 8 : 4) > in.available()) {
                    throw new InvalidInputException(name + " is damaged (array " + arrayName + " of length "
                            + length + ")");
                }
                if (type == INTS) {
                    int[] values = new int[length];
                    for (int i = 0; i < length; i++) {
                        values[i] = in.readInt();
                    }
                    state.putInts(arrayName, values);
                } else if (type == FLOATS) {
                    float[] values = new float[length];
                    for (int i = 0; i < length; i++) {
                        values[i] = in.readFloat();
                    }
                    state.putFloats(arrayName, values);
                } else if (type == DOUBLES) {
                    double[] values = new double[length];
                    for (int i = 0; i < length; i++) {
                        values[i] = in.readDouble();
                    }
                    state.putDoubles(arrayName, values);
                } else {
                    throw new InvalidInputException(name + " is damaged (array " + arrayName + " of type " + type
                            + ")");
                }
            }
            if (in.available() != 0) {
                throw new InvalidInputException(name + " is damaged (" + in.available() + " bytes after the state)");
            }
            return new Contents(header, state);
        } catch (EOFException e) {
            throw new InvalidInputException(name + " is truncated or damaged");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model the file holds, on {@code dataset}, which must be the one it was fitted on: restored from its
     * state, or refitted from its recipe.
     *
     * @throws InvalidInputException on another dataset, an unknown algorithm, parameters the algorithm refuses, or
     *                               a state that does not fit
     */
    public static Model load(Contents contents, String fileName, Dataset dataset, Progress progress,
                             Cancellation cancellation) {
        Algorithm<?> algorithm = AlgorithmRegistry.find(contents.algorithm()).orElseThrow(() ->
                new InvalidInputException(fileName + " holds a model of the unknown algorithm \""
                        + contents.algorithm() + "\"; this workbench knows " + AlgorithmRegistry.ids()));
        String checksum = DatasetChecksum.of(dataset);
        if (!checksum.equals(contents.checksum())) {
            throw new InvalidInputException(fileName + " was fitted on dataset " + contents.datasetName()
                    + " (checksum " + shortSum(contents.checksum()) + "), not on " + dataset.name() + " (checksum "
                    + shortSum(checksum) + ")");
        }
        ParamValues values;
        try {
            values = ParamValues.parse(algorithm.params(), contents.paramAssignments());
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw new InvalidInputException(fileName + ": parameters of " + algorithm.id() + " refused: "
                    + e.getMessage());
        }
        try {
            if (contents.state().isEmpty()) {
                return algorithm.fit(dataset, values, progress, cancellation);
            }
            if (!(algorithm instanceof Restorable restorable)) {
                throw new InvalidInputException(fileName + " holds state for " + algorithm.id()
                        + ", whose models this workbench refits on load");
            }
            return restorable.restore(dataset, values, contents.state());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(fileName + ": " + e.getMessage());
        }
    }

    /** Reads, checks and loads in one step. */
    public static Model load(Path file, Dataset dataset, Progress progress, Cancellation cancellation) {
        return load(read(file), file.getFileName().toString(), dataset, progress, cancellation);
    }

    private static String shortSum(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
    }
}
