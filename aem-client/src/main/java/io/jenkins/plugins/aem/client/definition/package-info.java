/**
 * Replicate task definitions as code, free of I/O: reading an export, its canonical text for version control, secret
 * placeholders, the caller's substitutions, filling secrets for a deploy, and comparing definitions (the deploy's plan
 * and its check after an import).
 *
 * <p>A definition is handled in three forms:
 * <ul>
 *   <li><b>wire</b>: what AEM exports and imports. Secrets are clear text (going in) or {@code {Z...}} ciphertext
 *       (coming out).</li>
 *   <li><b>file</b>: what {@code aem export-task} writes and a deploy reads. Keys sorted, volatile fields dropped,
 *       every literal <code>${</code> written <code>$${</code>, and every secret replaced by
 *       <code>${secret:ENDPOINT/FIELD}</code>. Callers' own placeholders are <code>${NAME}</code>.</li>
 *   <li><b>comparison</b>: the file form with secrets masked on both sides, so a plan and a check after an import never
 *       see a secret and never depend on how AEM encrypts one.</li>
 * </ul>
 */
package io.jenkins.plugins.aem.client.definition;
