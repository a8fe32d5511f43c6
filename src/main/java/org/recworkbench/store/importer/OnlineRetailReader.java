package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * UCI Online Retail transactions as implicit feedback: rows without a customer, cancelled invoices (InvoiceNo
 * starting with C) and non-positive quantities are skipped, in that order of precedence; the quantity per
 * (customer, stock code) is summed, the first purchase time kept, and descriptions become item titles and text.
 */
final class OnlineRetailReader implements FormatReader {

    static final String NO_CUSTOMER = "no CustomerID";
    static final String CANCELLED = "cancelled invoice";
    static final String NON_POSITIVE = "non-positive quantity";
    private static final List<String> HEADER = List.of("InvoiceNo", "StockCode", "Description", "Quantity",
            "InvoiceDate", "UnitPrice", "CustomerID", "Country");
    private static final DateTimeFormatter US_DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
    private static final int INVOICE = 0;
    private static final int STOCK_CODE = 1;
    private static final int DESCRIPTION = 2;
    private static final int QUANTITY = 3;
    private static final int DATE = 4;
    private static final int CUSTOMER = 6;

    @Override
    public ImportedData read(ImportRequest request, ImportSession session) {
        long rows = 0;
        try (DelimitedReader in = session.open(request.file(), StandardCharsets.UTF_8, ",", true,
                session.progress())) {
            Records.expectHeader(in, HEADER);
            while (in.next()) {
                Records.expectFields(in, HEADER.size(), "\",\"", String.join(",", HEADER));
                session.countRow();
                rows++;
                String customer = FieldParser.checkIdLength(in, CUSTOMER, "CustomerID",
                        normaliseCustomer(in.field(CUSTOMER)));
                if (customer.isEmpty()) {
                    session.skip(NO_CUSTOMER);
                    continue;
                }
                if (in.field(INVOICE).startsWith("C")) {
                    session.skip(CANCELLED);
                    continue;
                }
                long quantity = FieldParser.integer(in, QUANTITY, "Quantity");
                if (quantity <= 0) {
                    session.skip(NON_POSITIVE);
                    continue;
                }
                String item = FieldParser.id(in, STOCK_CODE, "StockCode");
                int ts = timestamp(in);
                session.addInteraction(customer, item, quantity, ts);
                String description = in.field(DESCRIPTION);
                if (!description.isEmpty() && session.itemTitle(item).isEmpty()) {
                    session.describeItem(item, description, null, description);
                }
            }
            Records.rejectEmpty(in, rows, "transaction lines after the header");
        }
        return session.finish(request.datasetName(), request.format(), DatasetKind.IMPLICIT,
                DuplicatePolicy.SUM_KEEP_FIRST_TIME);
    }

    /** "17850", "17850.0" → "17850"; "", "NA" → "". */
    private static String normaliseCustomer(String raw) {
        if (raw.isEmpty() || raw.equalsIgnoreCase("NA")) {
            return "";
        }
        return raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw;
    }

    /** ISO "2010-12-01 08:26:00" or the spreadsheet export's "12/1/2010 8:26", shop local time read as UTC. */
    private static int timestamp(DelimitedReader in) {
        String text = in.field(DATE);
        if (text.indexOf('/') > 0) {
            try {
                return (int) LocalDateTime.parse(text, US_DATE_TIME).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw in.error(DATE + 1, "InvoiceDate \"" + Excerpt.of(text) + "\" is not a date such as 2010-12-01 08:26:00");
            }
        }
        return FieldParser.timestamp(in, DATE);
    }
}
