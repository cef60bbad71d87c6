package in.picode.kretanote.platform.control;

/**
 * The contact a data-subject request is about, as the features' {@link TenantData} need it: the
 * tenant, the contact row and its WhatsApp id (statuses name recipients by it; may be null).
 */
public record DataSubject(long tenantId, long contactId, String waId) {}
