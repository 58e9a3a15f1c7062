package dev.vitals.model.query.internal;

import dev.vitals.model.MethodTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.StackTable;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.Transform;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stacks contain every method a selection requires (its frame filter and focus transforms),
 * memoised per stack row: a row contains a method if its frame's method does or its parent row does.
 */
final class StackFilter {
    private final StackTable stacks;
    private final boolean[][] required;
    private final byte[][] memo;
    private final int[] frameMethod;

    private StackFilter(ProfileSnapshot snapshot, List<boolean[]> required) {
        this.stacks = snapshot.stacks();
        this.required = required.toArray(new boolean[0][]);
        this.memo = new byte[this.required.length][stacks.length()];
        this.frameMethod = new int[snapshot.frames().length()];
        for (int f = 0; f < frameMethod.length; f++) {
            frameMethod[f] = snapshot.frames().method(f);
        }
    }

    /** The filter of a selection, or {@code null} if it requires nothing. */
    static StackFilter of(ProfileSnapshot snapshot, Selection selection) {
        List<String> names = new ArrayList<>();
        if (selection.frameFilter() != null) {
            names.add(selection.frameFilter());
        }
        for (Transform t : selection.transforms()) {
            if (t instanceof Transform.Focus(var method)) {
                names.add(method);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        MethodTable methods = snapshot.methods();
        List<boolean[]> required = new ArrayList<>();
        for (String name : names) {
            boolean[] match = new boolean[methods.length()];
            for (int m = 0; m < match.length; m++) {
                match[m] = methods.frameName(m).equals(name);
            }
            required.add(match);
        }
        return new StackFilter(snapshot, required);
    }

    boolean passes(int stack) {
        if (stack < 0) {
            return false;
        }
        for (int r = 0; r < required.length; r++) {
            if (!contains(r, stack)) {
                return false;
            }
        }
        return true;
    }

    /** 1 = contains, 2 = does not; resolved by walking up to the first known row. */
    private boolean contains(int r, int stack) {
        byte[] known = memo[r];
        int s = stack;
        byte answer = 2;
        while (s >= 0) {
            if (known[s] != 0) {
                answer = known[s];
                break;
            }
            if (required[r][frameMethod[stacks.frame(s)]]) {
                answer = 1;
                break;
            }
            s = stacks.parent(s);
        }
        for (int t = stack; t != s; t = stacks.parent(t)) {
            known[t] = answer;
        }
        if (s >= 0) {
            known[s] = answer;
        }
        return answer == 1;
    }
}
