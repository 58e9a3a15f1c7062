package dev.vitals.model.session.internal;

import dev.vitals.model.export.Json;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.Bookmark.Origin;
import java.util.Map;

/**
 * A bookmark in a saved session's JSON (the manifest's bookmarks and the evidence an alert took):
 * its span, label and, unless the user made it, its origin. A bookmark saved before origins were
 * kept reads as the user's.
 */
public final class BookmarkJson {
    private BookmarkJson() {
    }

    /** The bookmark as a JSON object. */
    public static String write(Bookmark b) {
        String origin = b.origin().kind() == Origin.Kind.USER ? ""
                : ", \"origin\": " + Json.quote(b.origin().kind().json()) + ", \"originName\": " + Json.quote(b.origin().name());
        return "{\"fromNanos\": " + b.fromNanos() + ", \"toNanos\": " + b.toNanos() + ", \"label\": "
                + Json.quote(b.label()) + origin + "}";
    }

    /** The bookmark of a parsed JSON object with these span fields (format 1 manifests saved points as "timeNanos"). */
    public static Bookmark read(Map<?, ?> b, String fromField, String toField) {
        Object kind = b.get("origin");
        Origin origin = kind == null ? Origin.USER
                : new Origin(Origin.Kind.ofJson((String) kind), (String) b.get("originName"));
        return new Bookmark((Long) b.get(fromField), (Long) b.get(toField), (String) b.get("label"), origin);
    }
}
