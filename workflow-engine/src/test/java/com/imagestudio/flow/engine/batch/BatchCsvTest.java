package com.imagestudio.flow.engine.batch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BatchCsvTest {

    @Test
    void readsRowsByColumnNameWithTheLineEachStartsOn() {
        BatchCsv.Table table = BatchCsv.parse(utf8("photo,platform\nabc,instagram\ndef,tiktok\n"));

        assertThat(table.columns()).containsExactly("photo", "platform");
        assertThat(table.rows()).extracting(BatchCsv.Row::line, BatchCsv.Row::values).containsExactly(
                tuple(2, Map.of("photo", "abc", "platform", "instagram")),
                tuple(3, Map.of("photo", "def", "platform", "tiktok")));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8("caption\nhello\n");
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, bom.length);
        System.arraycopy(body, 0, csv, bom.length, body.length);

        BatchCsv.Table table = BatchCsv.parse(csv);

        assertThat(table.columns()).containsExactly("caption");
        assertThat(table.rows().get(0).values()).containsEntry("caption", "hello");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLaterRowsKeepTheirTrueLineNumbers() {
        String csv = "caption,size\r\n\"Hello, \"\"world\"\"\nsecond line\",10\r\n\"plain\",20\r\n";

        BatchCsv.Table table = BatchCsv.parse(utf8(csv));

        assertThat(table.rows()).extracting(BatchCsv.Row::line).containsExactly(2, 4);
        assertThat(table.rows().get(0).values().get("caption")).isEqualTo("Hello, \"world\"\nsecond line");
        assertThat(table.rows().get(1).values()).containsEntry("caption", "plain").containsEntry("size", "20");
    }

    @Test
    void everyRowWithTheWrongNumberOfFieldsIsReportedWithItsLine() {
        String csv = "a,b\n1,2\n3\n4,5,6\n7,8\n";

        assertThatThrownBy(() -> BatchCsv.parse(utf8(csv)))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(RowProblem::line, RowProblem::message).containsExactly(
                                tuple(3, "expected 2 field(s) (a, b), got 1"),
                                tuple(4, "expected 2 field(s) (a, b), got 3")));
    }

    @Test
    void anUnterminatedQuoteIsReportedOnTheLineItStarts() {
        String csv = "a,b\n1,\"ok\nstill ok\"\n2,\"never closed\n3,x\n";

        assertThatThrownBy(() -> BatchCsv.parse(utf8(csv)))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).line()).isEqualTo(4);
                    assertThat(e.problems().get(0).message()).startsWith("malformed CSV:").contains("EOF");
                });
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        assertThatThrownBy(() -> BatchCsv.parse(utf8("a,b\n1,2\n3,\"x\"y\n")))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.line()).isEqualTo(3);
                            assertThat(p.message()).contains("Invalid character between encapsulated token and delimiter");
                        }));
    }

    @Test
    void blankLinesAreSkippedWithoutShiftingLineNumbers() {
        BatchCsv.Table table = BatchCsv.parse(utf8("a\n1\n\n\n2\n"));

        assertThat(table.rows()).extracting(BatchCsv.Row::line).containsExactly(2, 5);
    }

    @Test
    void duplicateColumnNamesAreRefusedOnTheHeaderLine() {
        assertThatThrownBy(() -> BatchCsv.parse(utf8("a,a\n1,2\n")))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.line()).isEqualTo(1);
                            assertThat(p.message()).startsWith("malformed CSV header:");
                        }));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "caption\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BatchCsv.parse(latin1))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(RowProblem::message).containsExactly("the CSV is not UTF-8 text"));
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        assertThatThrownBy(() -> BatchCsv.parse(utf8("a,b\n")))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(RowProblem::message).containsExactly("the CSV has a header but no rows"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
