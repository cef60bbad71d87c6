package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.control.AddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of outgoing webhooks (README, Configuration). */
@ApplicationScoped
public class WebhookSettings {

  @Inject
  @ConfigProperty(name = "kretanote.sandbox", defaultValue = "false")
  boolean sandbox;

  /** Unset: as {@code kretanote.sandbox}. True lets webhooks go to any address over HTTP. */
  @Inject
  @ConfigProperty(name = "kretanote.webhooks.allow-private-addresses")
  java.util.Optional<Boolean> allowPrivate;

  @Inject
  @ConfigProperty(name = "kretanote.webhooks.allowed-local-receivers", defaultValue = " ")
  String allowedLocal;

  @Inject
  @ConfigProperty(name = "kretanote.webhooks.retry-base", defaultValue = "PT30S")
  Duration retryBase;

  @Inject
  @ConfigProperty(name = "kretanote.webhooks.retry-max", defaultValue = "PT1H")
  Duration retryMax;

  @Inject
  @ConfigProperty(name = "kretanote.webhooks.give-up-after", defaultValue = "PT24H")
  Duration giveUpAfter;

  @Inject
  @ConfigProperty(name = "kretanote.webhooks.disable-after", defaultValue = "PT24H")
  Duration disableAfter;

  @Inject
  @ConfigProperty(name = "kretanote.webhooks.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "kretanote.webhooks.timeout", defaultValue = "PT10S")
  Duration timeout;

  public AddressGuard guard() {
    Set<String> allowed =
        Arrays.stream(allowedLocal.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.toSet());
    return new AddressGuard(allowPrivate.orElse(sandbox), allowed);
  }

  public boolean sandbox() {
    return sandbox;
  }

  public Duration retryBase() {
    return retryBase;
  }

  public Duration retryMax() {
    return retryMax;
  }

  public Duration giveUpAfter() {
    return giveUpAfter;
  }

  public Duration disableAfter() {
    return disableAfter;
  }

  public boolean enabled() {
    return enabled;
  }

  public Duration timeout() {
    return timeout;
  }
}
