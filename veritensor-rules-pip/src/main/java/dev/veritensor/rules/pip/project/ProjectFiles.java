package dev.veritensor.rules.pip.project;

import dev.veritensor.api.Document;
import dev.veritensor.api.ProjectView;

import java.util.List;

/** Relations between files of one project: which documents sit in the same directory. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The directory part of a scan path, {@code ""} for the scan root. */
    public static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The documents of {@code type} in the same directory as {@code document}, other than itself. */
    public static <T extends Document> List<T> beside(Document document, Class<T> type, ProjectView project) {
        String dir = directory(document.source().path());
        return project.documents(type).stream()
                .filter(d -> d != document && directory(d.source().path()).equals(dir))
                .toList();
    }

    /** The lockfiles in the same directory as {@code document}. */
    public static List<LockfileDocument> lockfilesBeside(Document document, ProjectView project) {
        return beside(document, LockfileDocument.class, project);
    }
}
