package in.picode.kretanote.billing.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import in.picode.kretanote.billing.boundary.Money;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.InvoiceLine;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders an invoice or credit note as PDF (OpenPDF), from the stored rows only. */
public final class InvoicePdf {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private InvoicePdf() {}

  public static byte[] render(Invoice invoice, String[] seller) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(title(invoice) + " " + invoice.getDisplayNumber());
      doc.addCreator("KretaNote");
      doc.open();
      Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
      Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
      Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
      doc.add(new Paragraph(title(invoice) + " " + invoice.getDisplayNumber(), h1));
      doc.add(new Paragraph(" "));
      doc.add(new Paragraph(String.join("\n", seller), normal));
      doc.add(new Paragraph(" "));
      doc.add(new Paragraph("Bill to:", bold));
      doc.add(new Paragraph(invoice.getBuyer(), normal));
      doc.add(new Paragraph(" "));
      StringBuilder facts = new StringBuilder();
      facts.append("Issued: ").append(DATE.format(invoice.getIssuedAt()));
      if (invoice.getKind() == Invoice.Kind.INVOICE) {
        facts.append("\nDue: ").append(DATE.format(invoice.getDueAt()));
      }
      if (invoice.getPeriodStart() != null && invoice.getPeriodEnd() != null) {
        facts
            .append("\nPeriod: ")
            .append(DATE.format(invoice.getPeriodStart()))
            .append(" to ")
            .append(DATE.format(invoice.getPeriodEnd()));
      }
      if (invoice.getReason() != null) {
        facts.append("\n").append(invoice.getReason());
      }
      facts.append("\nStatus: ").append(invoice.getStatus());
      doc.add(new Paragraph(facts.toString(), normal));
      doc.add(new Paragraph(" "));

      PdfPTable table = new PdfPTable(new float[] {6, 1.2f, 2, 2});
      table.setWidthPercentage(100);
      for (String h : new String[] {"Description", "Qty", "Unit", "Amount"}) {
        table.addCell(cell(h, bold, Element.ALIGN_LEFT));
      }
      String cur = invoice.getCurrency();
      for (InvoiceLine line : invoice.getLines()) {
        table.addCell(cell(line.getDescription(), normal, Element.ALIGN_LEFT));
        table.addCell(cell(Long.toString(line.getQuantity()), normal, Element.ALIGN_RIGHT));
        table.addCell(cell(Money.format(line.getUnitMinor(), cur), normal, Element.ALIGN_RIGHT));
        table.addCell(cell(Money.format(line.getAmountMinor(), cur), normal, Element.ALIGN_RIGHT));
      }
      doc.add(table);
      doc.add(new Paragraph(" "));
      PdfPTable sums = new PdfPTable(new float[] {8, 3});
      sums.setWidthPercentage(100);
      sums.addCell(cell("Subtotal", normal, Element.ALIGN_RIGHT));
      sums.addCell(
          cell(Money.format(invoice.getSubtotalMinor(), cur), normal, Element.ALIGN_RIGHT));
      sums.addCell(
          cell(
              "Tax "
                  + Money.percent(invoice.getTaxRateBp())
                  + (invoice.getTaxCountry() == null ? "" : " (" + invoice.getTaxCountry() + ")"),
              normal,
              Element.ALIGN_RIGHT));
      sums.addCell(cell(Money.format(invoice.getTaxMinor(), cur), normal, Element.ALIGN_RIGHT));
      sums.addCell(cell("Total", bold, Element.ALIGN_RIGHT));
      sums.addCell(cell(Money.format(invoice.getTotalMinor(), cur), bold, Element.ALIGN_RIGHT));
      doc.add(sums);
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not render invoice " + invoice.getId(), e);
    }
    return out.toByteArray();
  }

  private static String title(Invoice invoice) {
    return invoice.getKind() == Invoice.Kind.CREDIT_NOTE ? "Credit note" : "Invoice";
  }

  private static PdfPCell cell(String text, Font font, int align) {
    PdfPCell c = new PdfPCell(new Phrase(text, font));
    c.setHorizontalAlignment(align);
    c.setPadding(4);
    return c;
  }
}
