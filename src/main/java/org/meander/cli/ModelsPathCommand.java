package org.meander.cli;

import java.util.concurrent.Callable;
import org.meander.weights.hub.HubRepo;
import org.meander.weights.hub.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander models path REPO}: the folder of a downloaded model, for {@code --model}. */
@Command(name = "path", mixinStandardHelpOptions = true,
        description = "Print the folder of a downloaded model, e.g. for --model \"$(./meander models path REPO)\".")
final class ModelsPathCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REPO", description = "the model's hub id, e.g. facebook/sam-vit-base")
    String repo;

    @Override
    public Integer call() {
        HubRepo hubRepo = HubRepo.parse(repo);
        ModelStore store = ModelStore.standard();
        if (!store.isInstalled(hubRepo)) {
            System.err.println("meander: " + hubRepo + " is not downloaded (looked in " + store.folderOf(hubRepo)
                    + "); get it with ./meander models download " + hubRepo);
            return 1;
        }
        System.out.println(store.folderOf(hubRepo));
        return 0;
    }
}
