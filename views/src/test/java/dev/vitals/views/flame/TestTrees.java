package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;

/** Call trees for tests, written as collapsed stacks so a test reads like the tree it draws. */
final class TestTrees {
    /** 100 samples: hashLoop 60 (JIT), sort 25 (inlined) under sortLoop 30, file write 7 (native), wait 3 (interpreted). */
    static final String DEMO = """
            java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.hashLoop 60
            java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.sortLoop;java.util.Arrays.sort_[i] 25
            java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.sortLoop 5
            java.lang.Thread.run;java.io.FileOutputStream.writeBytes_[n] 7
            java.lang.Thread.run;java.lang.Object.wait_[0] 3
            """;

    static final String[] HASH_LOOP = {"java.lang.Thread.run", "dev.vitals.demo.Work.run", "dev.vitals.demo.Work.hashLoop"};
    static final String[] SORT_LOOP = {"java.lang.Thread.run", "dev.vitals.demo.Work.run", "dev.vitals.demo.Work.sortLoop"};
    static final String[] WORK_RUN = {"java.lang.Thread.run", "dev.vitals.demo.Work.run"};

    static CallTree demo() {
        return CallTree.fromCollapsed(DEMO);
    }

    private TestTrees() {
    }
}
