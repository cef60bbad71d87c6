package in.picode.kretanote.retention.control;

import java.util.List;
import java.util.Map;

/** One part of a data-subject export: a name (file name without extension) and its rows. */
public record ExportSection(String name, List<String> columns, List<Map<String, Object>> rows) {}
