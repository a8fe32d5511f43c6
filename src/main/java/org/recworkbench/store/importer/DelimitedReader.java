package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a delimited text file record by record: any delimiter string (",", "\t", "::"), optional RFC 4180
 * quoting (fields may span lines, "" inside quotes), "\n", "\r\n" or "\r" line ends, a leading UTF-8 byte order
 * mark ignored, blank lines skipped. Tracks the line where each record starts, feeds every byte to a digest,
 * reports progress by bytes read and polls cancellation. Rejects binary input (NUL bytes, invalid encoding).
 */
final class DelimitedReader implements AutoCloseable {

    private static final int PROGRESS_EVERY = 1 << 15;
    /** How many leading bytes are checked for NUL before parsing. */
    private static final int SNIFF_BYTES = 8192;
    /** Stands for bytes the charset cannot decode (a noncharacter, never in real text). */
    private static final char UNDECODABLE = '\uFFFF';

    private final Path file;
    private final char[] delimiter;
    private final boolean quotes;
    private final boolean trim;
    private final Reader reader;
    private final CountingStream counter;
    private final long fileSize;
    private final Progress progress;
    private final Cancellation cancellation;
    private final String progressLabel;
    private final String charsetName;

    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int line;
    private int recordLine;
    private long records;
    private boolean started;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder(64);

    DelimitedReader(Path file, Charset charset, String delimiter, boolean quotes, MessageDigest digest,
                    Progress progress, Cancellation cancellation) {
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException("empty delimiter");
        }
        this.file = file;
        this.delimiter = delimiter.toCharArray();
        this.quotes = quotes;
        this.trim = !delimiter.isBlank();
        this.progress = progress;
        this.cancellation = cancellation;
        this.progressLabel = "Reading " + InputFiles.displayName(file);
        InputStream input = InputFiles.open(file);
        try {
            this.fileSize = InputFiles.size(file);
            BufferedInputStream raw = new BufferedInputStream(input, 1 << 16);
            rejectBinary(file, raw, delimiter);
            this.counter = new CountingStream(raw, digest);
            this.charsetName = charset.name();
            // undecodable bytes become a marker, reported where they occur with line and column
            this.reader = new InputStreamReader(counter, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(UNDECODABLE)));
        } catch (java.nio.file.NoSuchFileException e) {
            closeQuietly(input);
            throw new ImportException(file, 0, 0, "file not found (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            closeQuietly(input);
            throw new ImportException(file, 0, 0, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(input);
            throw e;
        }
    }

    private static void closeQuietly(InputStream input) {
        try {
            input.close();
        } catch (IOException ignored) {
            // the read already failed; that failure is reported
        }
    }

    /**
     * A file whose first bytes hold a NUL is binary (images, spreadsheets, archives): refused before any parsing, so
     * the message says so instead of complaining about fields.
     */
    private static void rejectBinary(Path file, BufferedInputStream in, String delimiter) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        int line = 1;
        int column = 1;
        for (byte b : head) {
            if (b == 0) {
                throw new ImportException(file, line, delimiter.length() == 1 ? column : 0,
                        "this is not a text file (it contains a NUL byte); expected delimited text");
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else if (delimiter.length() == 1 && b == delimiter.charAt(0)) {
                column++;
            }
        }
    }

    private ImportException undecodable(int column) {
        return new ImportException(file, line, column, "bytes that are not valid " + charsetName
                + " text; expected a text file encoded in " + charsetName + " (re-save it as " + charsetName + ")");
    }

    Path file() {
        return file;
    }

    long fileSize() {
        return fileSize;
    }

    /** Line number (1-based) where the current record starts. */
    int line() {
        return recordLine;
    }

    int fieldCount() {
        return fields.size();
    }

    /** Field {@code index} (0-based) of the current record, trimmed unless the delimiter is whitespace. */
    String field(int index) {
        return fields.get(index);
    }

    List<String> fields() {
        return List.copyOf(fields);
    }

    /** Error at the current record. {@code column} is 1-based, 0 for the whole line. */
    ImportException error(int column, String problem) {
        return new ImportException(file, recordLine, column, problem);
    }

    /** Moves to the next non-blank record; false at the end of the file. */
    boolean next() {
        while (true) {
            fields.clear();
            int c = read();
            if (c < 0) {
                return false;
            }
            line++;
            recordLine = line;
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = read();
                    if (c < 0) {
                        return false;
                    }
                }
            }
            if (c == '\n') {
                continue;
            }
            if (c == '\r') {
                skipLineFeed();
                continue;
            }
            parseRecord(c);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (++records % PROGRESS_EVERY == 0) {
                cancellation.throwIfCancelled();
                progress.report(fileSize == 0 ? -1 : Math.min(1.0, (double) counter.count / fileSize),
                        progressLabel + " (line " + recordLine + ")");
            }
            return true;
        }
    }

    private void parseRecord(int first) {
        int c = first;
        field.setLength(0);
        boolean fieldStart = true;
        while (true) {
            if (c < 0 || c == '\n' || c == '\r') {
                endField();
                if (c == '\r') {
                    skipLineFeed();
                }
                return;
            }
            if (quotes && fieldStart && c == '"') {
                c = readQuoted();
                fieldStart = false;
                continue;
            }
            if (c == delimiter[0]) {
                int matched = 1;
                int n = 0;
                while (matched < delimiter.length) {
                    n = read();
                    if (n != delimiter[matched]) {
                        break;
                    }
                    matched++;
                }
                if (matched == delimiter.length) {
                    endField();
                    fieldStart = true;
                    c = read();
                    continue;
                }
                field.append(delimiter, 0, matched);
                c = n;
                fieldStart = false;
                continue;
            }
            if (c == 0) {
                throw new ImportException(file, line, fields.size() + 1,
                        "this is not a text file (it contains a NUL byte); expected delimited text");
            }
            if (c == UNDECODABLE) {
                throw undecodable(fields.size() + 1);
            }
            field.append((char) c);
            fieldStart = false;
            c = read();
        }
    }

    /** Reads a quoted field after its opening quote; returns the first character after the closing quote. */
    private int readQuoted() {
        int column = fields.size() + 1;
        int openedAt = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new ImportException(file, openedAt, column,
                        "unterminated quote: the field opened with \" is never closed");
            }
            if (c == '"') {
                int n = read();
                if (n == '"') {
                    field.append('"');
                    continue;
                }
                if (n >= 0 && n != '\n' && n != '\r' && n != delimiter[0]) {
                    throw new ImportException(file, line, column, "unexpected character '" + Excerpt.visible(n)
                            + "' after a closing quote; expected a delimiter or the end of the line");
                }
                return n;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                line++;
                skipLineFeed();
                c = '\n';
            } else if (c == 0) {
                throw new ImportException(file, line, column,
                        "this is not a text file (it contains a NUL byte); expected delimited text");
            } else if (c == UNDECODABLE) {
                throw undecodable(column);
            }
            field.append((char) c);
        }
    }

    private void endField() {
        String value = field.toString();
        fields.add(trim ? value.strip() : value);
        field.setLength(0);
    }

    private void skipLineFeed() {
        if (peek() == '\n') {
            position++;
        }
    }

    private int peek() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private int read() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private boolean fill() {
        try {
            int n;
            do {
                n = reader.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new ImportException(file, line, 0, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only stream loses nothing
        }
    }

    /** Counts bytes for progress and feeds them to the checksum. */
    private static final class CountingStream extends FilterInputStream {
        private final MessageDigest digest;
        private long count;

        CountingStream(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                count += n;
                digest.update(bytes, offset, n);
            }
            return n;
        }
    }
}
