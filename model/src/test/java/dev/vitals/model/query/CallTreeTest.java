package dev.vitals.model.query;

import dev.vitals.model.FrameType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallTreeTest {
    private static final String STACKS = """
            main;work;hash 6
            main;work;sort 3
            main;alloc 1
            main 2
            other_[k] 1
            """;

    @Test
    void buildsTotalsAndSelfFromTextStacks() {
        CallTree tree = CallTree.fromCollapsed(STACKS);
        assertThat(tree.size()).isEqualTo(7);
        assertThat(tree.name(0)).isEqualTo("all");
        assertThat(tree.total(0)).isEqualTo(13);
        int main = tree.findNode("main");
        assertThat(tree.total(main)).isEqualTo(12);
        assertThat(tree.self(main)).isEqualTo(2);
        int work = tree.findNode("main", "work");
        assertThat(tree.total(work)).isEqualTo(9);
        assertThat(tree.self(work)).isZero();
        assertThat(tree.self(tree.findNode("main", "work", "hash"))).isEqualTo(6);
        assertThat(tree.maxDepth()).isEqualTo(3);
        assertThat(tree.findNode("main", "nope")).isEqualTo(-1);
    }

    @Test
    void depthFirstOrderWithChildrenSortedByName() {
        CallTree tree = CallTree.fromCollapsed(STACKS);
        // all, main, alloc, work, hash, sort, other
        assertThat(names(tree)).containsExactly("all", "main", "alloc", "work", "hash", "sort", "other");
        for (int n = 1; n < tree.size(); n++) {
            assertThat(tree.parent(n)).isLessThan(n);
            assertThat(tree.depth(n)).isEqualTo(tree.depth(tree.parent(n)) + 1);
        }
        int main = tree.findNode("main");
        assertThat(tree.subtreeEnd(main)).isEqualTo(tree.findNode("other"));
        assertThat(tree.subtreeEnd(0)).isEqualTo(tree.size());
        assertThat(tree.firstChild(main)).isEqualTo(tree.findNode("main", "alloc"));
        assertThat(tree.nextSibling(tree.findNode("main", "alloc"))).isEqualTo(tree.findNode("main", "work"));
        assertThat(tree.nextSibling(tree.findNode("main", "work"))).isEqualTo(-1);
        assertThat(tree.firstChild(tree.findNode("main", "alloc"))).isEqualTo(-1);
        assertThat(tree.parent(0)).isEqualTo(-1);
        assertThat(tree.methodId(0)).isEqualTo(-1);
    }

    @Test
    void totalsAreSelfPlusChildren() {
        CallTree tree = CallTree.fromCollapsed(STACKS);
        for (int n = 0; n < tree.size(); n++) {
            long sum = tree.self(n);
            for (int c = tree.firstChild(n); c != -1; c = tree.nextSibling(c)) {
                sum += tree.total(c);
            }
            assertThat(tree.total(n)).isEqualTo(sum);
        }
    }

    @Test
    void frameTypesFromAnnotationsAndSameMethodSameId() {
        CallTree tree = CallTree.fromCollapsed("""
                a_[0];b_[i];c_[k] 1
                a_[j];b_[1] 3
                x.y.Z.run;b 1
                """);
        int a = tree.findNode("a");
        assertThat(tree.frameType(a)).isEqualTo(FrameType.JIT); // 3 JIT vs 1 interpreted
        assertThat(tree.frameType(tree.findNode("a", "b", "c"))).isEqualTo(FrameType.KERNEL);
        assertThat(tree.frameType(tree.findNode("a", "b"))).isEqualTo(FrameType.C1);
        int run = tree.findNode("x.y.Z.run");
        assertThat(tree.packageName(run)).isEqualTo("x.y");
        assertThat(tree.packageName(a)).isEmpty();
        assertThat(tree.methodId(tree.findNode("a", "b"))).isEqualTo(tree.methodId(tree.findNode("x.y.Z.run", "b")));
        assertThat(tree.methodId(a)).isNotEqualTo(tree.methodId(run));
    }

    @Test
    void collapsedRoundTrip() {
        CallTree tree = CallTree.fromCollapsed(STACKS);
        assertThat(tree.toCollapsed()).isEqualTo("""
                main 2
                main;alloc 1
                main;work;hash 6
                main;work;sort 3
                other 1
                """);
        assertThat(CallTree.fromCollapsed("").size()).isEqualTo(1);
        assertThat(tree.sameAs(CallTree.fromCollapsed(STACKS))).isTrue();
        assertThat(tree.sameAs(CallTree.fromCollapsed(STACKS + "main 1\n"))).isFalse();
    }

    private static String[] names(CallTree tree) {
        String[] names = new String[tree.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = tree.name(i);
        }
        return names;
    }
}
