package dev.vitals.model.query;

import dev.vitals.model.FrameType;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.TextProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class TransformTest {
    private static final ProfileSnapshot PROFILE = TextProfile.of("""
            m.Main.main;m.Work.run;m.Work.hash 6
            m.Main.main;m.Work.run;m.Sort.sort;m.Sort.sort;m.Sort.sort;m.Sort.swap 3
            m.Main.main;m.Lib.call_[i];libc.write_[n];sys_write_[k] 2
            m.Main.main 1
            """);

    private static String topDown(Selection selection) {
        return CallTrees.topDown(PROFILE, selection).toCollapsed();
    }

    @Test
    void noTransform() {
        assertThat(topDown(Selection.cpu())).isEqualTo("""
                m.Main.main 1
                m.Main.main;m.Lib.call;libc.write;sys_write 2
                m.Main.main;m.Work.run;m.Sort.sort;m.Sort.sort;m.Sort.sort;m.Sort.swap 3
                m.Main.main;m.Work.run;m.Work.hash 6
                """);
    }

    @Test
    void focusMakesTheMethodTheRoot() {
        assertThat(topDown(Selection.cpu().push(new Transform.Focus("m.Work.run")))).isEqualTo("""
                m.Work.run;m.Sort.sort;m.Sort.sort;m.Sort.sort;m.Sort.swap 3
                m.Work.run;m.Work.hash 6
                """);
    }

    @Test
    void mergeGivesTimeToTheCaller() {
        assertThat(topDown(Selection.cpu().push(new Transform.Merge("m.Work.hash")))).isEqualTo("""
                m.Main.main 1
                m.Main.main;m.Lib.call;libc.write;sys_write 2
                m.Main.main;m.Work.run 6
                m.Main.main;m.Work.run;m.Sort.sort;m.Sort.sort;m.Sort.sort;m.Sort.swap 3
                """);
    }

    @Test
    void dropFrameTypesStackAsTransforms() {
        Selection selection = Selection.cpu().push(new Transform.DropFrameType(FrameType.KERNEL))
                .push(new Transform.DropFrameType(FrameType.NATIVE));
        assertThat(topDown(selection)).contains("m.Main.main;m.Lib.call 2\n");
        assertThat(topDown(selection.pop())).contains("m.Main.main;m.Lib.call;libc.write 2\n");
    }

    @Test
    void collapseRecursion() {
        assertThat(topDown(Selection.cpu().push(new Transform.CollapseRecursion("m.Sort.sort"))))
                .contains("m.Main.main;m.Work.run;m.Sort.sort;m.Sort.swap 3\n");
    }

    @Test
    void frameFilterKeepsStacksThroughTheMethod() {
        assertThat(topDown(Selection.cpu().withFrameFilter("m.Sort.swap")))
                .isEqualTo("m.Main.main;m.Work.run;m.Sort.sort;m.Sort.sort;m.Sort.sort;m.Sort.swap 3\n");
    }

    @Test
    void bottomUpAndSandwich() {
        CallTree bottomUp = CallTrees.bottomUp(PROFILE, Selection.cpu());
        assertThat(bottomUp.total(bottomUp.findNode("m.Work.hash"))).isEqualTo(6);
        assertThat(bottomUp.total(bottomUp.findNode("m.Sort.swap", "m.Sort.sort", "m.Sort.sort"))).isEqualTo(3);
        assertThat(bottomUp.self(bottomUp.findNode("m.Main.main"))).isEqualTo(1);
        assertThat(bottomUp.self(bottomUp.findNode("m.Work.hash"))).as("a leaf frame's self is its total").isEqualTo(6);
        assertThat(bottomUp.self(bottomUp.findNode("m.Sort.swap"))).isEqualTo(3);
        assertThat(bottomUp.self(bottomUp.findNode("m.Work.hash", "m.Work.run"))).as("callers ran nothing").isZero();
        assertThat(bottomUp.self(bottomUp.findNode("m.Work.hash", "m.Work.run", "m.Main.main"))).isZero();
        Sandwich sandwich = CallTrees.sandwich(PROFILE, Selection.cpu(), "m.Work.run");
        assertThat(sandwich.total()).isEqualTo(9);
        assertThat(sandwich.self()).isZero();
        assertThat(sandwich.callers().toCollapsed()).isEqualTo("m.Work.run;m.Main.main 9\n");
        assertThat(sandwich.callees().total(sandwich.callees().findNode("m.Work.run", "m.Sort.sort"))).isEqualTo(3);
    }

    @Test
    void hotMethods() {
        assertThat(HotMethods.of(PROFILE, Selection.cpu(), 3)).extracting(HotMethod::method, HotMethod::self,
                HotMethod::total).containsExactly(
                org.assertj.core.groups.Tuple.tuple("m.Work.hash", 6L, 6L),
                org.assertj.core.groups.Tuple.tuple("m.Sort.swap", 3L, 3L),
                org.assertj.core.groups.Tuple.tuple("sys_write", 2L, 2L));
    }

    @Test
    void timeRangeSelectsSamplesByTime() {
        // lines are 1 ms apart: the first 6 samples are hash
        Selection firstSix = Selection.cpu().withRange(1_000_000_000L, 1_006_000_000L);
        assertThat(topDown(firstSix)).isEqualTo("m.Main.main;m.Work.run;m.Work.hash 6\n");
    }

    @Test
    void diffOfATreeWithItselfIsZeroAndNormalised() {
        CallTree all = CallTrees.topDown(PROFILE, Selection.cpu());
        CallTree hashOnly = CallTrees.topDown(PROFILE, Selection.cpu().withRange(1_000_000_000L, 1_006_000_000L));
        Diff same = Diff.of(all, all);
        for (int n = 0; n < same.tree().size(); n++) {
            assertThat(same.delta(n)).isZero();
            assertThat(same.scaledDelta(n)).isZero();
        }
        Diff diff = Diff.of(all, hashOnly);
        assertThat(diff.tree()).as("the comparison is drawn").isSameAs(hashOnly);
        int hash = diff.tree().findNode("m.Main.main", "m.Work.run", "m.Work.hash");
        assertThat(diff.baseline(hash)).isEqualTo(6);
        assertThat(diff.baselineSelf(hash)).isEqualTo(6);
        assertThat(diff.comparison(hash)).isEqualTo(6);
        assertThat(diff.delta(hash)).isCloseTo(1.0 - 6.0 / 12.0, offset(1e-9));
        assertThat(diff.scaledDelta(hash)).as("the largest change").isCloseTo(1.0, offset(1e-9));
        int main = diff.tree().findNode("m.Main.main");
        assertThat(diff.baselineSelf(main)).isEqualTo(1);
        assertThat(diff.delta(main)).isZero();

        Diff back = Diff.of(hashOnly, all);
        int lib = back.tree().findNode("m.Main.main", "m.Lib.call");
        assertThat(back.baseline(lib)).as("a path the baseline lacks").isZero();
        assertThat(back.delta(lib)).isCloseTo(2.0 / 12.0, offset(1e-9));
        assertThat(back.scaledDelta(back.tree().findNode("m.Main.main", "m.Work.run", "m.Work.hash")))
                .isCloseTo(-1.0, offset(1e-9));
    }
}
