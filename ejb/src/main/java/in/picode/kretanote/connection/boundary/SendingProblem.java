package in.picode.kretanote.connection.boundary;

/**
 * One line of the "Why can't I send?" panel: what is wrong, why, and what to do. {@code blocking}
 * is true when nothing can be sent while it lasts.
 */
public record SendingProblem(String title, String explanation, String fix, boolean blocking) {}
