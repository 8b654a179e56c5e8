/**
 * Worker side of data-parallel training ({@link ./worker_engine.ts}): holds a replica of the
 * model, takes weights and a share of each batch, and answers with gradients (training) or loss
 * sums (evaluation). It never runs the optimiser: the main thread does, and sends the new weights.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/setup.ts";
import { imagesToTensor, type LossTerms } from "./engine.ts";
import { perImageLossFor } from "./loss_spec.ts";
import { registerCustomLayers } from "../models/gaussian_sampling.ts";
import type { PerImageLoss } from "./engine.ts";
import type { WorkerReply, WorkerRequest } from "./worker_protocol.ts";

interface Replica {
  model: tf.LayersModel;
  variables: tf.Variable[];
  perImageLoss: PerImageLoss;
}

function setWeights(replica: Replica, weights: Float32Array[] | undefined): void {
  if (!weights) return;
  tf.tidy(() => {
    replica.variables.forEach((variable, index) => {
      variable.assign(tf.tensor(weights[index], variable.shape));
    });
  });
}

function readTerms(terms: Record<string, tf.Scalar>): LossTerms {
  const values: Record<string, number> = {};
  for (const [name, tensor] of Object.entries(terms)) values[name] = tensor.dataSync()[0];
  tf.dispose(Object.values(terms));
  return values as LossTerms;
}

async function handle(request: WorkerRequest, replica: Replica | undefined): Promise<{
  reply: WorkerReply;
  replica?: Replica;
  transfer?: Transferable[];
}> {
  if (request.type === "init") {
    const backend = await initBackend(request.backend);
    registerCustomLayers();
    const model = await tf.models.modelFromJSON(JSON.parse(request.modelTopology));
    const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const created = { model, variables, perImageLoss: perImageLossFor(request.loss) };
    setWeights(created, request.weights);
    return { reply: { type: "ready", backend }, replica: created };
  }
  if (!replica) throw new Error("The gradient worker got work before its init message.");
  setWeights(replica, request.weights);
  const { perImageLoss } = replica;
  if (request.type === "gradients") {
    const { gradients, terms } = tf.tidy(() => {
      const images = imagesToTensor(request.pixels, request.count);
      const extra: Record<string, tf.Scalar> = {};
      const { value, grads } = tf.variableGrads(() => {
        const perImage = perImageLoss(replica.model, images, true);
        for (const [name, tensor] of Object.entries(perImage)) {
          if (name !== "loss") extra[name] = tf.keep(tf.mean(tensor) as tf.Scalar);
        }
        return tf.mean(perImage.loss) as tf.Scalar;
      }, replica.variables);
      const arrays = replica.variables.map((variable) =>
        (grads[variable.name].dataSync() as Float32Array).slice()
      );
      return { gradients: arrays, terms: { loss: value, ...extra } };
    });
    return {
      reply: { type: "gradients", gradients, terms: readTerms(terms) },
      transfer: gradients.map((array) => array.buffer as ArrayBuffer),
    };
  }
  const terms = tf.tidy(() => {
    const perImage = perImageLoss(
      replica.model,
      imagesToTensor(request.pixels, request.count),
      false,
    );
    const sums: Record<string, tf.Scalar> = {};
    for (const [name, tensor] of Object.entries(perImage)) sums[name] = tf.sum(tensor) as tf.Scalar;
    return sums;
  });
  return { reply: { type: "evaluation", terms: readTerms(terms) } };
}

let current: Replica | undefined;
self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  try {
    const { reply, replica, transfer } = await handle(event.data, current);
    if (replica) current = replica;
    self.postMessage(reply, { transfer: transfer ?? [] });
  } catch (error) {
    const reply: WorkerReply = {
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
    self.postMessage(reply);
  }
};
