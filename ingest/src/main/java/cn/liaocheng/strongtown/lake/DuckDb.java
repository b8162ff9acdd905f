package cn.liaocheng.strongtown.lake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens embedded DuckDB connections that never try to download an extension. */
public final class DuckDb {

    private DuckDb() {
    }

    /** An in-memory database. */
    public static Connection inMemory() throws SQLException {
        return open("jdbc:duckdb:");
    }

    public static Connection open(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection(url, props);
    }

    /** A path as a single-quoted SQL string literal. */
    public static String literal(Object path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
