package org.meander.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.weights.hub.HubRepo;
import org.meander.weights.hub.KnownModel;
import org.meander.weights.hub.ModelStore;
import picocli.CommandLine.Command;

/** {@code ./meander models list}: the models offered and those downloaded, with where they are. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the SAM models Meander offers and the ones downloaded, with their folders.")
final class ModelsListCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        ModelStore store = ModelStore.standard();
        Map<HubRepo, String> titles = new LinkedHashMap<>();
        for (KnownModel known : KnownModel.ALL) {
            titles.put(known.repo(), known.titleWithSize() + ": " + known.description());
        }
        for (HubRepo repo : store.installed()) {
            titles.putIfAbsent(repo, "");
        }
        System.out.println("Models folder: " + store.root());
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<HubRepo, String> entry : titles.entrySet()) {
            HubRepo repo = entry.getKey();
            long partial = store.partialBytes(repo);
            String state = store.isInstalled(repo) ? "downloaded"
                    : partial > 0 ? String.format("partly downloaded (%.1f MB)", partial / 1e6) : "not downloaded";
            rows.add(new String[] {repo.toString(), state, entry.getValue()});
        }
        int repoWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int stateWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        for (String[] row : rows) {
            System.out.printf("%-" + repoWidth + "s  %-" + stateWidth + "s  %s%n", row[0], row[1], row[2]);
        }
        return 0;
    }
}
