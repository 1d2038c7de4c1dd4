package io.jenkins.plugins.aem.steps;

/**
 * The release folder the set steps' tests work on, as pipeline lines: tasks Orders and Customers of Replicate-1
 * exported with their shared endpoints into {@code release/}, and the one value that differs per environment, the
 * source database, made a placeholder once, as a team does before its first commit; and each environment's values file.
 */
public final class ReleaseFolders {

    /** The tasks the folder holds. */
    public static final String TASKS = "tasks: ['Orders', 'Customers']";

    /** Exports the folder from Replicate-1 and makes its source database the placeholder {@code ${SALES_DB}}. */
    public static final String EXPORT = "aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release', " + TASKS
            + ", withEndpoints: true\n"
            + "writeFile file: 'release/endpoints/Source-DB.json', text: readFile('release/endpoints/Source-DB.json')"
            + ".replace('\"database\": \"Sales\"', '\"database\": \"${SALES_DB}\"')\n";

    /** The values of development (where the folder came from) and of production. */
    public static final String VALUES = "writeFile file: 'env/dev.values', text: '# development\\nSALES_DB=Sales\\n'\n"
            + "writeFile file: 'env/prod.values', text: 'SALES_DB=SALES_PROD\\n'\n";

    private ReleaseFolders() {
    }
}
