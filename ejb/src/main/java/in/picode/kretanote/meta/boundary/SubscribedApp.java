package in.picode.kretanote.meta.boundary;

/** An app subscribed to a WABA's webhooks ({@code GET /{WABA}/subscribed_apps}). */
public record SubscribedApp(String appId, String name, String overrideCallbackUri) {}
