package dev.vitals.model.session;

/**
 * A named span of a session (a point when {@code fromNanos == toNanos}), set by the user or made
 * live by an alert rule or a finding; saved with who made it, so a rule's bookmarks can go with the
 * rule and the views can leave to the alert's or finding's own tick what it already shows.
 *
 * @param fromNanos start, epoch nanos
 * @param toNanos   end, epoch nanos, not before {@code fromNanos}
 * @param label     the text shown
 * @param origin    who made it
 */
public record Bookmark(long fromNanos, long toNanos, String label, Origin origin) {
    public Bookmark {
        if (toNanos < fromNanos) {
            throw new IllegalArgumentException("bookmark ends before it starts");
        }
        if (label == null) {
            throw new IllegalArgumentException("bookmark without a label");
        }
        if (origin == null) {
            throw new IllegalArgumentException("bookmark without an origin");
        }
    }

    /** A bookmark the user set. */
    public Bookmark(long fromNanos, long toNanos, String label) {
        this(fromNanos, toNanos, label, Origin.USER);
    }

    /** A bookmark with another label, made by the same. */
    public Bookmark withLabel(String newLabel) {
        return new Bookmark(fromNanos, toNanos, newLabel, origin);
    }

    /**
     * Who made a bookmark: the user, an alert rule (by its name) or a finding (by its rule's id).
     *
     * @param kind which
     * @param name the rule's name or the finding's rule id; empty for the user
     */
    public record Origin(Kind kind, String name) {
        /** The user's own bookmark. */
        public static final Origin USER = new Origin(Kind.USER, "");

        public Origin {
            if (kind == null || name == null || (kind == Kind.USER) != name.isEmpty()) {
                throw new IllegalArgumentException("a bookmark's origin names a rule unless the user made it");
            }
        }

        /** A bookmark the alert rule of this name made when it fired live. */
        public static Origin alertRule(String ruleName) {
            return new Origin(Kind.ALERT_RULE, ruleName);
        }

        /** A bookmark a finding of this rule made when it appeared or worsened live. */
        public static Origin finding(String ruleId) {
            return new Origin(Kind.FINDING, ruleId);
        }

        /** Who can make a bookmark; {@link #json} is its name in a saved session. */
        public enum Kind {
            USER("user"), ALERT_RULE("alert-rule"), FINDING("finding");

            private final String json;

            Kind(String json) {
                this.json = json;
            }

            /** The kind's name in a saved session. */
            public String json() {
                return json;
            }

            /** The kind of this name in a saved session; throws {@link IllegalArgumentException} for another. */
            public static Kind ofJson(String json) {
                for (Kind k : values()) {
                    if (k.json.equals(json)) {
                        return k;
                    }
                }
                throw new IllegalArgumentException("unknown bookmark origin \"" + json + "\"");
            }
        }
    }
}
