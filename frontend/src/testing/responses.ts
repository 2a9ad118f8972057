// Real Response objects, so tests exercise the same header and body parsing as the browser.
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function problemResponse(problem: { status: number } & Record<string, unknown>): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** A response the test releases when it chooses: `answer` holds the route until `release()`. */
export function heldBack(respond: () => Response) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // release() resolves once the gate is open, so `await act(() => held.release())` lets
  // React take the answer in.
  return {
    answer: () => gate.then(respond),
    release: () => {
      release();
      return gate;
    },
  };
}
