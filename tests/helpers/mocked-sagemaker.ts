// A mocked SageMaker client for a describe block of error-path unit tests, with the package wait's
// sleep and progress made instant (the wait's own timing is tested in its own file).
import { mockClient } from "aws-sdk-client-mock";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { waitOverrides } from "../../provider/model-package/wait-for-completed";

/** Call inside a `describe`: resets the mock before each test, restores the client after the block. */
export function mockedSageMakerWithInstantWaits() {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => {
        sm.reset();
        waitOverrides.progress = () => undefined;
        waitOverrides.sleep = async () => undefined;
    });
    after(() => {
        delete waitOverrides.progress;
        delete waitOverrides.sleep;
        sm.restore();
    });
    return sm;
}
