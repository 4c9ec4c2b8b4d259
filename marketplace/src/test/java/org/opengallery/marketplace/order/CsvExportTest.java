package org.opengallery.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void startsWithABomAndEndsEachRowWithCrLf() {
        assertThat(new CsvExport().row(List.of("a", "b")).row(List.of("c", "d")).toString())
                .isEqualTo("\uFEFFa,b\r\nc,d\r\n");
    }

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() {
        assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExport.cell("plain 云商店")).isEqualTo("plain 云商店");
        assertThat(CsvExport.cell(null)).isEmpty();
    }

    @Test
    void neverLetsASpreadsheetRunACell() {
        for (String formula : List.of("=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(CsvExport.cell(formula).replace("\"", "")).startsWith("'");
        }
        assertThat(CsvExport.cell("=cmd|' /C calc'!A0,x")).isEqualTo("\"'=cmd|' /C calc'!A0,x\"");
        assertThat(CsvExport.cell("10.00")).isEqualTo("10.00");
    }
}
