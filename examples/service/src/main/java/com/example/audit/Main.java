package com.example.audit;

import com.auditeng.db.config.ApplicationDatabase;
import com.auditeng.db.data.AsyncDatabase;
import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.Verdict;
import com.auditeng.db.startup.StartupMigration;

/** Runs the flow once against DATABASE_URL (or, with auditeng-db-embedded on the class path, the embedded one). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try (ApplicationDatabase location = ApplicationDatabase.fromEnvironment()) {
            StartupMigration.bundled(location.url()).toHead().toCompletableFuture().join();
            try (AsyncDatabase database = AsyncDatabase.open(location.url())) {
                AuditService service = new AuditService(database);
                Task done = service.register("operator@example.com", "hash")
                        .thenCompose(user -> service.submit(user.getId(), "ups-megger.pdf", 52_000))
                        .thenCompose(task -> service.workOnce(claimed -> {
                            Analysis result = new Analysis("UPS", "MEGGER");
                            result.addFinding(new Finding(Severity.CRITICAL, "NETA-7.1", "insulation below 100 MΩ"));
                            result.setVerdict(Verdict.REJECTED);
                            return result;
                        }))
                        .toCompletableFuture().join().orElseThrow();
                System.out.println("task " + done.getId() + " " + done.getStatus() + ": "
                        + done.getAnalysis().getVerdict());
            }
        }
    }
}
