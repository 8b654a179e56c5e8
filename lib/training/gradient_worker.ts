/**
 * Worker side of data-parallel training ({@link ./worker_engine.ts}): holds a replica of
 * the model and its own Adam, trains its share of each batch in step with the other threads
 * through the shared gradient exchange, and evaluates shares of test batches.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import * as tf from "@tensorflow/tfjs";
import { createAdam } from "../backend/fused_adam.ts";
import { initBackend } from "../backend/setup.ts";
import {
  registerCustomLayers,
  replicaSamplingStream,
  startSamplingStreams,
} from "../models/gaussian_sampling.ts";
import { imagesToTensor, type LossTerms } from "./engine.ts";
import { GradientExchange } from "./gradient_exchange.ts";
import { dataParallelStep, type Replica } from "./data_parallel_step.ts";
import { perImageLossFor } from "./loss_spec.ts";
import type { WorkerReply, WorkerRequest } from "./worker_protocol.ts";

interface State {
  replica: Replica;
  exchange: GradientExchange;
  names: string[];
  averaged: Float32Array;
  thread: number;
  /** The main thread's noise stream when this replica last (re)started its own. */
  samplingStream: number;
}

function readTerms(terms: Record<string, tf.Scalar>): LossTerms {
  const values: Record<string, number> = {};
  for (const [name, tensor] of Object.entries(terms)) values[name] = tensor.dataSync()[0];
  tf.dispose(Object.values(terms));
  return values as LossTerms;
}

async function initialise(request: Extract<WorkerRequest, { type: "init" }>): Promise<State> {
  await initBackend(request.backend);
  registerCustomLayers();
  const model = await tf.models.modelFromJSON(JSON.parse(request.modelTopology));
  // Its own ε: a replica that drew the main thread's noise would repeat it on its share.
  startSamplingStreams(model, replicaSamplingStream(0, request.thread));
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  tf.tidy(() => {
    variables.forEach((variable, index) => {
      variable.assign(tf.tensor(request.weights[index], variable.shape));
    });
  });
  return {
    replica: {
      model,
      variables,
      perImageLoss: perImageLossFor(request.loss),
      optimizer: createAdam(request.learningRate),
    },
    exchange: new GradientExchange(request.buffer, request.layout, request.thread),
    names: request.names,
    averaged: new Float32Array(request.layout.parameters),
    thread: request.thread,
    samplingStream: 0,
  };
}

/** Handles one request; returns the reply, or undefined for `train` (which reports through the exchange). */
async function handle(
  request: WorkerRequest,
  state: State | undefined,
): Promise<{ reply?: WorkerReply; state?: State }> {
  if (request.type === "init") {
    const created = await initialise(request);
    return { reply: { type: "ready", backend: tf.getBackend() }, state: created };
  }
  if (!state) throw new Error("The gradient worker got work before its init message.");
  const { replica } = state;
  if (request.type === "train") {
    if (request.samplingStream !== undefined && request.samplingStream !== state.samplingStream) {
      state.samplingStream = request.samplingStream;
      startSamplingStreams(
        replica.model,
        replicaSamplingStream(request.samplingStream, state.thread),
      );
    }
    dataParallelStep(replica, state.exchange, request, state.names, state.averaged);
    return {};
  }
  if (request.type === "optimizer-state") {
    const entries = request.entries.map(({ name, shape, dtype, values }) => ({
      name,
      tensor: tf.tensor(values, shape, dtype),
    }));
    // Adam copies the values into variables of its own.
    await replica.optimizer.setWeights(entries);
    tf.dispose(entries.map(({ tensor }) => tensor));
    return { reply: { type: "done" } };
  }
  if (request.type === "weights") {
    const weights = replica.variables.map((variable) =>
      variable.dataSync().slice() as Float32Array
    );
    return { reply: { type: "weights", weights } };
  }
  const terms = tf.tidy(() => {
    const perImage = replica.perImageLoss(
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

let current: State | undefined;
self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  try {
    const { reply, state } = await handle(event.data, current);
    if (state) current = state;
    if (reply) self.postMessage(reply);
  } catch (error) {
    current?.exchange.fail();
    const reply: WorkerReply = {
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
    self.postMessage(reply);
  }
};
