package in.picode.kretanote.meta.boundary;

import jakarta.json.JsonArray;

/**
 * A message template as Meta lists it: Meta's id, name, language, category (MARKETING, UTILITY,
 * AUTHENTICATION), status (APPROVED, PENDING, REJECTED, PAUSED, DISABLED …), the rejection reason
 * ({@code null} for none) and the components (HEADER, BODY, FOOTER, BUTTONS) as Meta's JSON.
 */
public record TemplateInfo(
    String id,
    String name,
    String language,
    String category,
    String status,
    String reason,
    JsonArray components) {}
