package org.recworkbench.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.recworkbench.data.InvalidInputException;

import java.io.IOException;
import java.io.StringReader;

/** A request body as strict JSON, with typed fields whose errors name the field and never a Java class. */
final class JsonBody {

    private static final TypeAdapter<JsonElement> ELEMENT = new com.google.gson.Gson().getAdapter(JsonElement.class);

    private JsonBody() {
    }

    /** The body's objects: one object or an array of them. */
    static JsonArray objects(String body, String expected, String what, int max) {
        JsonElement json = parse(body);
        JsonArray list;
        if (json.isJsonArray()) {
            list = json.getAsJsonArray();
        } else if (json.isJsonObject()) {
            list = new JsonArray();
            list.add(json);
        } else {
            throw new InvalidInputException(expected);
        }
        if (list.size() > max) {
            throw new InvalidInputException("At most " + max + " " + what + "s per request; got " + list.size());
        }
        for (int k = 0; k < list.size(); k++) {
            if (!list.get(k).isJsonObject()) {
                throw new InvalidInputException(capital(what) + " " + (k + 1) + " is not an object");
            }
        }
        return list;
    }

    static JsonElement parse(String body) {
        try {
            JsonReader reader = new JsonReader(new StringReader(body));
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            reader.setNestingLimit(32);
            JsonElement json = ELEMENT.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("more after the value");
            }
            return json;
        } catch (IOException | RuntimeException e) {
            // the parser's own messages name classes and a documentation address: not for the client
            throw new InvalidInputException("The body is not valid JSON (one object, or an array of objects)");
        }
    }

    /** A required string (a number is taken as its text). */
    static String text(JsonObject o, String field, String what, int index) {
        String s = optionalText(o, field, what, index);
        if (s == null) {
            throw new InvalidInputException(capital(what) + " " + (index + 1) + " has no \"" + field + "\"");
        }
        return s;
    }

    /** A string, a number as its text, or null when absent or null. */
    static String optionalText(JsonObject o, String field, String what, int index) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e instanceof JsonPrimitive p && (p.isString() || p.isNumber())) {
            return p.getAsString();
        }
        throw new InvalidInputException("\"" + field + "\" of " + what + " " + (index + 1) + " must be a string");
    }

    /** A number, or the fallback when absent or null. */
    static double number(JsonObject o, String field, String what, int index, double fallback) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            return p.getAsDouble();
        }
        throw new InvalidInputException("\"" + field + "\" of " + what + " " + (index + 1) + " must be a number");
    }

    /** A whole number from 0 to 2^31 − 1, or the fallback when absent or null. */
    static int wholeNumber(JsonObject o, String field, String what, int index, int fallback) {
        double v = number(o, field, what, index, Double.NaN);
        if (Double.isNaN(v)) {
            return fallback;
        }
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidInputException("\"" + field + "\" of " + what + " " + (index + 1)
                    + " must be a whole number of seconds from 0 to 2147483647");
        }
        return (int) v;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
