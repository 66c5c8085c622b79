package com.imagestudio.flow.engine.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a batch CSV (RFC 4180: a header row, quoted fields with commas, quotes and line breaks
 * inside; UTF-8 with or without a byte order mark) into rows that know the line they start on.
 * Every row with the wrong number of fields is reported; a broken quote ends the reading there.
 */
public final class BatchCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private BatchCsv() {
    }

    /** A parsed CSV: its column names, then every row by the line it starts on. */
    public record Table(List<String> columns, List<Row> rows) {
    }

    /** One data row: the line it starts on (the header is line 1) and its value per column. */
    public record Row(int line, Map<String, String> values) {
    }

    /** @throws BatchRejectedException listing every malformed row with its line */
    public static Table parse(byte[] csv) {
        String text = decode(csv);
        List<RowProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> columns;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            columns = parser.getHeaderNames();
            checkHeader(columns);
            long lastLine = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new RowProblem((int) lastLine + 1, "malformed CSV: " + reason(e)));
                    break;
                }
                int line = (int) lastLine + 1 + leadingLineBreaks(text, record.getCharacterPosition());
                lastLine = parser.getCurrentLineNumber();
                if (record.size() != columns.size()) {
                    problems.add(new RowProblem(line, "expected " + columns.size() + " field(s) (" + String.join(", ", columns)
                            + "), got " + record.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i), record.get(i));
                }
                rows.add(new Row(line, values));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // a header that is not a header: duplicate or missing names, a broken quote in it
            throw new BatchRejectedException(List.of(new RowProblem(1, "malformed CSV header: " + reason(e))));
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        if (rows.isEmpty()) {
            throw new BatchRejectedException(List.of(new RowProblem(null, "the CSV has a header but no rows")));
        }
        return new Table(columns, rows);
    }

    private static String decode(byte[] csv) {
        if (csv == null || csv.length == 0) {
            throw new BatchRejectedException(List.of(new RowProblem(null, "the CSV is empty")));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BatchRejectedException(List.of(new RowProblem(null, "the CSV is not UTF-8 text")));
        }
    }

    private static void checkHeader(List<String> columns) {
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column.isBlank()) {
                throw new IllegalArgumentException("a column has no name; name every column in the first line");
            }
            if (!seen.add(column)) {
                throw new IllegalArgumentException("two columns are named \"" + column + "\"");
            }
        }
    }

    /** Blank lines the parser skipped before a record (its position is where they start): its line is after them. */
    private static int leadingLineBreaks(String text, long recordStart) {
        int breaks = 0;
        for (int i = (int) recordStart; i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r'); i++) {
            if (text.charAt(i) == '\n') {
                breaks++;
            }
        }
        return breaks;
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
