package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Location;
import dev.veritensor.rules.pip.python.PyReference;

import java.util.List;

/**
 * A piece of a {@code .pth} line that {@code site.py} passes to {@code exec()}, with what the code
 * refers to.
 *
 * @param text       the code as executed
 * @param location   where it is in the file
 * @param since      which interpreters execute it
 * @param references imports, reads and calls in the code
 */
public record PthCode(String text, Location location, Since since, List<PyReference> references) {

    public PthCode {
        references = List.copyOf(references);
    }

    /** Which Python versions execute a piece of code, given how their {@code site.py} splits and strips lines. */
    public enum Since {
        /** A line starting with {@code import} and a space or tab: every version executes it. */
        ALL_VERSIONS("every Python version"),
        /**
         * Code after a vertical tab, form feed, U+001C–U+001E, U+0085, U+2028 or U+2029: Python
         * 3.13 and later split a {@code .pth} file with {@code str.splitlines()}, which breaks lines
         * there, while editors and older versions see one line.
         */
        PYTHON_3_13("Python 3.13 and later, which also break lines at characters other tools do not"),
        /** An indented {@code import} line: Python 3.15 (PEP 829) strips lines before the test. */
        PYTHON_3_15("Python 3.15 and later, which strip leading whitespace first");

        private final String description;

        Since(String description) {
            this.description = description;
        }

        /** A phrase for messages. */
        public String description() {
            return description;
        }
    }
}
