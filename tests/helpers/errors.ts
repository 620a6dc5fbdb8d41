// Errors as the SDK raises them, and the error a promise rejects with, for error-path tests.

/** An SDK service error: `name` is the AWS error code; `attempts` how many tries the SDK made. */
export function awsError(name: string, message: string, attempts = 1): Error {
    return Object.assign(new Error(message), { name, $fault: "client", $metadata: { attempts } });
}

/** What `p` rejects with; fails when it resolves. */
export async function rejection<E = Error>(p: Promise<unknown>): Promise<E> {
    try {
        await p;
    } catch (e) {
        return e as E;
    }
    throw new Error("expected a rejection");
}
