// Workflows for the browser tests and the screenshots, made to a size.

const TITLES = [
  "Receive the request",
  "Check the request against the policy and the customer's history with us",
  "Ask for the missing details",
  "Approve",
  "Prepare the order for the warehouse, including the special packing instructions",
  "Pack",
  "Send the invoice",
  "Record the payment in the ledger",
];

/** A workflow of `n` steps over three roles: every fifth step branches (ahead and back), and
 * the branches join again. */
export function workflow(n) {
  const roles = [["desk", "Front desk"], ["review", "Review team"], ["warehouse", "Warehouse and shipping"]].map(([id, name]) => ({ id, name }));
  const steps = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    title: TITLES[i % TITLES.length] + (i >= TITLES.length ? ` (${i + 1})` : ""),
    role: roles[(i + Math.floor(i / 3)) % 3].id,
    inputs: [i === 0 ? "request" : `result ${i - 1}`],
    outputs: [`result ${i}`],
  }));
  for (let i = 1; i + 2 < n; i += 5) {
    steps[i].next = [
      { to: `s${i + 1}`, when: "details missing", via: "email" },
      { to: `s${i + 2}`, when: "complete" },
    ];
    if (i > 3) steps[i].next.push({ to: `s${i - 3}`, when: "start again" });
  }
  steps[n - 1].next = [];
  return {
    format: "flowguide/workflow", version: 1, name: `A workflow of ${n} steps`,
    trigger: { kind: "request", description: "A customer sends a request", provides: ["request"] },
    roles, steps,
    outcome: { description: "The order reaches the customer", measure: "Within 5 working days" },
  };
}
