package in.picode.kretanote.outbound.control;

import static in.picode.kretanote.outbound.boundary.TemplateDraft.EXPIRY_MAX_MINUTES;
import static in.picode.kretanote.outbound.control.DraftText.blankToNull;

import in.picode.kretanote.outbound.boundary.TemplateDraft.Otp;
import in.picode.kretanote.outbound.boundary.TemplateWords;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An authentication template's one-time-password button, checked with Meta's rules: copy code, or
 * one-tap autofill with the Android app's package name and 11-character signature hash; the code
 * expires after 1 to 90 minutes.
 */
public final class AuthenticationTemplateCheck {

  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{11}");

  private AuthenticationTemplateCheck() {}

  /** The OTP button's array, or {@link InvalidDraftException} with every problem. */
  public static JsonArrayBuilder otpButton(Otp otp) {
    List<Wording> problems = new ArrayList<>();
    String type = otp.type() == null ? "" : otp.type().strip().toUpperCase(Locale.ROOT);
    if (!type.equals("COPY_CODE") && !type.equals("ONE_TAP")) {
      problems.add(TemplateWords.OTP_TYPE.with());
    }
    Integer minutes = otp.expiryMinutes();
    if (minutes != null && (minutes < 1 || minutes > EXPIRY_MAX_MINUTES)) {
      problems.add(TemplateWords.OTP_EXPIRY.with(EXPIRY_MAX_MINUTES));
    }
    JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "OTP").add("otp_type", type);
    if (type.equals("ONE_TAP")) {
      String pkg = blankToNull(otp.packageName());
      String hash = blankToNull(otp.signatureHash());
      if (pkg == null || !PACKAGE.matcher(pkg).matches() || pkg.length() > 224) {
        problems.add(TemplateWords.OTP_PACKAGE.with());
      }
      if (hash == null || !SIGNATURE.matcher(hash).matches()) {
        problems.add(TemplateWords.OTP_SIGNATURE.with());
      }
      b.add(
          "supported_apps",
          Jsons.createArrayBuilder()
              .add(
                  Jsons.createObjectBuilder()
                      .add("package_name", pkg == null ? "" : pkg)
                      .add("signature_hash", hash == null ? "" : hash)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDraftException(problems);
    }
    return Jsons.createArrayBuilder().add(b);
  }
}
