package cn.liaocheng.strongtown.dashboard.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DuckDb;

/**
 * The workflow database: one embedded DuckDB file (users, audit log, workflow state).
 * Only this process writes it (DuckDB allows one writing process). Work runs one unit at a time,
 * each in its own transaction on a duplicate of the one open connection; the volume is small.
 */
@Component
public class WorkflowDatabase implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowDatabase.class);

    /** A unit of work on one connection, inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final DuckDBConnection root;

    public WorkflowDatabase(StrongTownProperties properties) {
        this.file = properties.workflowDatabase().toAbsolutePath();
        try {
            AtomicFiles.createPrivateDirectories(file.getParent());
            this.root = (DuckDBConnection) DuckDb.open("jdbc:duckdb:" + file);
            ownerOnly(file);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建或保护工作库 " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("无法打开工作库 " + file + "：" + e.getMessage(), e);
        }
        LOG.info("Workflow database: {}", file);
        List<Integer> applied = transaction(c -> WorkflowMigrations.apply(c, WorkflowMigrations.available()));
        if (!applied.isEmpty()) {
            LOG.info("Workflow database migrated: versions {}", applied);
        }
    }

    /** The schema version: the newest migration applied. */
    public int schemaVersion() {
        return transaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Password hashes and the audit log are for this process's user alone. */
    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    public Path file() {
        return file;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public synchronized <T> T transaction(Work<T> work) {
        try (Connection connection = root.duplicate()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("工作库操作失败：" + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void destroy() throws SQLException {
        root.close();
    }
}
