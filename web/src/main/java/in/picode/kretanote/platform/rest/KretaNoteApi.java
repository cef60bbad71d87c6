package in.picode.kretanote.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS root: the public API and Meta's webhooks live under {@code /api}. */
@ApplicationPath("api")
public class KretaNoteApi extends Application {}
