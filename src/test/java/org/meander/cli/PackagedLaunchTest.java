package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment an installed Meander restarts itself with (installers/test-linux-image.sh runs the restart). */
class PackagedLaunchTest {

    @Test
    void withoutOmpWaitPolicyTheLaunchAddsWhatTheScriptSets() {
        Map<String, String> additions = PackagedLaunch.additions(Map.of("HOME", "/home/u"));
        assertEquals("PASSIVE", additions.get("OMP_WAIT_POLICY"));
        assertEquals("3000", additions.get("GOMP_SPINCOUNT"));
        assertEquals("ALL_CPUS", additions.get("OPJ_NUM_THREADS"));
    }

    @Test
    void whatTheUserSetIsKept() {
        assertTrue(PackagedLaunch.additions(Map.of("OMP_WAIT_POLICY", "ACTIVE")).isEmpty(),
                "a set OMP_WAIT_POLICY (the user's, or the first launch's) means no restart");
        Map<String, String> additions = PackagedLaunch.additions(Map.of("GOMP_SPINCOUNT", "0", "LD_PRELOAD", "x",
                "OPJ_NUM_THREADS", "1"));
        assertFalse(additions.containsKey("GOMP_SPINCOUNT"));
        assertFalse(additions.containsKey("LD_PRELOAD"));
        assertFalse(additions.containsKey("OPJ_NUM_THREADS"));
    }

    @Test
    void outsideAPackageNothingHappens() {
        assertTrue(PackagedLaunch.relaunchIfNeeded(new String[] {"--help"}).isEmpty(),
                "tests and ./meander run without jpackage's launcher");
    }
}
