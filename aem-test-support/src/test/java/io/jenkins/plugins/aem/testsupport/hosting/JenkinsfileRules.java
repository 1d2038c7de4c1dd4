package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyRuntimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;

/**
 * {@code RequiredFilesVerifier.validateJenkinsFile}: the Jenkinsfile, parsed by Groovy as the checker parses it, must
 * be one {@code buildPlugin} call whose map names {@code configurations}, each with a {@code platform} and a
 * {@code jdk} the checker admits ({@code hosting/Requirements.ALLOWED_JDK_VERSIONS}). The checker stops at the first
 * problem, so there is at most one finding.
 *
 * <p>Where the checker would throw instead (a value it cannot read, such as an unknown variable), it reports nothing
 * and skips the rest of its file checks; here that is a finding, so that it cannot pass unseen.
 */
final class JenkinsfileRules {

    private static final String CHECK = "RequiredFilesVerifier.validateJenkinsFile";
    private static final List<Integer> ALLOWED_JDK_VERSIONS = List.of(21, 25);

    Optional<Finding> check(String script) {
        try {
            return checkParsed(script);
        } catch (GroovyRuntimeException e) {
            return problem("Could not parse Jenkinsfile.");
        } catch (RuntimeException e) {
            return problem("The checker would fail on this Jenkinsfile (" + e.getMessage() + ") and report nothing.");
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<Finding> checkParsed(String script) {
        CompilationUnit unit = new CompilationUnit(new CompilerConfiguration(), null, new GroovyClassLoader());
        unit.addSource("Script.groovy", script);
        unit.compile(Phases.SEMANTIC_ANALYSIS);
        List<ClassNode> classes = unit.getAST().getClasses();
        if (classes.isEmpty()) {
            return problem("Could not parse Jenkinsfile.");
        }
        ClassNode scriptClass = classes.stream().filter(ClassNode::isScript).findFirst().orElse(classes.get(0));
        MethodNode run = scriptClass.getDeclaredMethod("run", new Parameter[0]);
        if (run == null) {
            return problem("Could not parse Jenkinsfile.");
        }
        if (!(run.getCode() instanceof BlockStatement block)) {
            return problem("The call of `buildPlugin` should be the only statement in the Jenkinsfile.");
        }
        List<MethodCallExpression> calls = block.getStatements().stream()
                .filter(ExpressionStatement.class::isInstance)
                .map(s -> ((ExpressionStatement) s).getExpression())
                .filter(MethodCallExpression.class::isInstance)
                .map(MethodCallExpression.class::cast)
                .toList();
        if (calls.size() != 1) {
            return problem("The call of `buildPlugin` should be the only method call in the Jenkinsfile.");
        }
        MethodCallExpression call = calls.get(0);
        if (!"buildPlugin".equals(call.getMethodAsString())) {
            return problem("Expected a call of `buildPlugin` but found a call of `" + call.getMethodAsString() + "`.");
        }
        List<Expression> args = ((TupleExpression) call.getArguments()).getExpressions();
        if (args.size() != 1 || !(args.get(0) instanceof MapExpression)) {
            return problem("The call of `buildPlugin` in the Jenkinsfile must be parameterized.");
        }
        Map<String, Object> argMap = (Map<String, Object>) toJavaValue(args.get(0), declaredVariables(block));
        if (!argMap.containsKey("configurations")) {
            return problem("The call of `buildPlugin` must contain a parameter `configurations`.");
        }
        if (!(argMap.get("configurations") instanceof List<?> configurations)) {
            return problem("The parameter `configurations` of method `buildPlugin` must be a list.");
        }
        for (Object each : configurations) {
            Map<String, Object> configuration = (Map<String, Object>) each;
            if (!configuration.containsKey("platform")) {
                return problem("Missing value for `platform` in the `configurations` parameter of `buildPlugin`.");
            }
            if (!configuration.containsKey("jdk")) {
                return problem("Missing value for `jdk` in the `configurations` parameter of `buildPlugin`.");
            }
            if (!(configuration.get("jdk") instanceof Integer jdk)) {
                return problem("`jdk` must be an integer in the `buildPlugin` call.");
            }
            if (!ALLOWED_JDK_VERSIONS.contains(jdk)) {
                return problem("Invalid version `" + jdk + "` for `jdk`. `jdk` must be one of " + ALLOWED_JDK_VERSIONS
                        + " in the `buildPlugin` call.");
            }
        }
        return Optional.empty();
    }

    private static Map<String, Expression> declaredVariables(BlockStatement block) {
        Map<String, Expression> declared = new HashMap<>();
        for (Statement statement : block.getStatements()) {
            if (statement instanceof ExpressionStatement s && s.getExpression() instanceof DeclarationExpression d) {
                declared.put(((VariableExpression) d.getLeftExpression()).getName(), d.getRightExpression());
            }
        }
        return declared;
    }

    private static Object toJavaValue(Expression expr, Map<String, Expression> declared) {
        if (expr instanceof ConstantExpression constant) {
            return constant.getValue();
        }
        if (expr instanceof ListExpression list) {
            List<Object> values = new ArrayList<>();
            list.getExpressions().forEach(e -> values.add(toJavaValue(e, declared)));
            return values;
        }
        if (expr instanceof MapExpression map) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                values.put(String.valueOf(toJavaValue(entry.getKeyExpression(), declared)),
                        toJavaValue(entry.getValueExpression(), declared));
            }
            return values;
        }
        if (expr instanceof VariableExpression variable) {
            Expression initializer = declared.get(variable.getName());
            if (initializer == null) {
                throw new IllegalArgumentException("Unknown variable: " + variable.getName());
            }
            return toJavaValue(initializer, declared);
        }
        throw new IllegalArgumentException("Unsupported expression type: " + expr.getClass().getSimpleName());
    }

    private static Optional<Finding> problem(String message) {
        return Optional.of(required(CHECK, message));
    }
}
