package in.picode.kretanote.routing.entity;

/** How a team's (or the business's team-less) new conversations find an agent. */
public enum AssignmentMode {
  /** Nobody is assigned automatically. */
  OFF,
  /** Online members in turn, by user id, after the one assigned last. */
  ROUND_ROBIN,
  /** The online member with the fewest open conversations, below the capacity. */
  LEAST_LOADED
}
