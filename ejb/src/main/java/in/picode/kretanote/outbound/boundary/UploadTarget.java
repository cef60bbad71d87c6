package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.meta.boundary.AccessToken;

/**
 * The answer of {@link Sending#beforeUpload}: either the request is already settled (the key holds
 * a message, or the send is refused) or the number a file is uploaded to, with its token for this
 * one upload.
 */
public record UploadTarget(SendResult settled, String phoneNumberId, AccessToken token) {

  static UploadTarget settled(SendResult result) {
    return new UploadTarget(result, null, null);
  }

  static UploadTarget to(String phoneNumberId, AccessToken token) {
    return new UploadTarget(null, phoneNumberId, token);
  }

  public boolean isSettled() {
    return settled != null;
  }
}
