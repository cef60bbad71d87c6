package in.picode.kretanote.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS root of the public API, under {@code /api}. It lists its classes: an application that
 * lists none gets every resource of the WAR by scanning, which would publish Meta's webhook
 * endpoint a second time under {@code /api} (it belongs to {@code WebhooksApplication}).
 */
@ApplicationPath("api")
public class KretaNoteApi extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(ApiErrors.class);
  }
}
