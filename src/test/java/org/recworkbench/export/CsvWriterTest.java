package org.recworkbench.export;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void quotesFieldsWithDelimitersQuotesAndLineBreaks() {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row("plain", "a,b", "say \"hi\"", "two\nlines");
        assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void neutralisesTextThatSpreadsheetsWouldEvaluate() {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row("=SUM(A1)", "+1", "-2", "@x", "\tt", "\rr", "ok=1");
        assertThat(out.toString()).isEqualTo("'=SUM(A1),'+1,'-2,'@x,'\tt,\"'\rr\",ok=1\r\n");
    }

    @Test
    void writesNumbersWithADotAndWithoutExponentsOrNaN() {
        StringWriter out = new StringWriter();
        new CsvWriter(out).number(-0.5).number(3).number(1e-7).number(Double.NaN).number(12345678901L);
        assertThat(out.toString()).isEqualTo("-0.5,3,0.0000001,,12345678901");
    }
}
