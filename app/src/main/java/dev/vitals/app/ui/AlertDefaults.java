package dev.vitals.app.ui;

import dev.vitals.model.session.AlertRule;
import java.util.List;
import java.util.prefs.Preferences;

/** The alert rules a new session starts with, kept in the preferences (the model's JSON for rules). */
final class AlertDefaults {
    private static final String KEY = "alert.rules";

    private final Preferences preferences;

    AlertDefaults(Preferences preferences) {
        this.preferences = preferences;
    }

    /** The saved rules, or {@link AlertRule#defaults()} if none were saved or they cannot be read. */
    List<AlertRule> load() {
        String json = preferences.get(KEY, null);
        if (json == null) {
            return AlertRule.defaults();
        }
        try {
            return AlertRule.fromJson(json);
        } catch (IllegalArgumentException e) {
            return AlertRule.defaults();
        }
    }

    void save(List<AlertRule> rules) {
        preferences.put(KEY, AlertRule.toJson(rules));
    }
}
