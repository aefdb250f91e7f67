package org.jujia.visit;

import java.util.List;

/** One named verification rule: the findings it raises for a visit at a stage (empty = passes). */
interface VerificationPolicy {

    List<Finding> evaluate(VerificationContext c);
}
