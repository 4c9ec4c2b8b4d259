package org.opengallery.marketplace.order;

import java.util.List;

/**
 * Writes the order export: RFC 4180 (CRLF lines; a cell with a comma, quote, CR or LF is quoted, quotes doubled),
 * preceded by a UTF-8 byte-order mark so that Excel opens the Chinese text as UTF-8. A cell that a spreadsheet would
 * run as a formula (starting with = + - @, or a tab / CR that some of them skip first) is prefixed with ' —
 * product names and buyer names are typed by other people and must never execute in the seller's spreadsheet.
 */
final class CsvExport {

    static final String BOM = "\uFEFF";

    private final StringBuilder out = new StringBuilder(BOM);

    CsvExport row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
