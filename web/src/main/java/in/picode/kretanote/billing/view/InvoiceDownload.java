package in.picode.kretanote.billing.view;

import in.picode.kretanote.billing.boundary.BillingRefusedException;
import in.picode.kretanote.billing.boundary.Subscriptions;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /app/settings/billing/invoice?id=N}: the PDF of one of the signed-in tenant's invoices
 * (web.xml: OWNER only). Another tenant's id, or no id, is 404.
 */
@WebServlet("/app/settings/billing/invoice")
public class InvoiceDownload extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Subscriptions subscriptions;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String id = req.getParameter("id");
    if (id == null || !id.matches("\\d{1,18}")) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] pdf;
    try {
      pdf = subscriptions.pdf(Long.parseLong(id));
    } catch (BillingRefusedException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (EJBException e) {
      if (e.getCause() instanceof BillingRefusedException) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      throw e;
    }
    res.setContentType("application/pdf");
    res.setHeader("Content-Disposition", "attachment; filename=\"invoice-" + id + ".pdf\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(pdf.length);
    res.getOutputStream().write(pdf);
  }
}
