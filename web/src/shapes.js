// Node programs for the picture's shapes: sigma draws a node with the program named by
// its `type` attribute; "circle" is sigma's own, the others are flat polygons drawn
// around the node's centre by one small program each.
import { NodeProgram, NodeCircleProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";

const VERTEX = `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute vec2 a_corner;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_cameraAngle;
uniform float u_correctionRatio;

varying vec4 v_color;

const float bias = 255.0 / 254.0;

void main() {
  // the same radius as sigma's circles: a square's half side is the circle's radius
  float size = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  float c = cos(u_cameraAngle);
  float s = sin(u_cameraAngle);
  vec2 corner = vec2(c * a_corner.x - s * a_corner.y, s * a_corner.x + c * a_corner.y);
  gl_Position = vec4((u_matrix * vec3(a_position + size * corner, 1)).xy, 0, 1);
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT = `
precision mediump float;
varying vec4 v_color;
void main(void) {
  gl_FragColor = v_color;
}
`;

const UNIFORMS = ["u_sizeRatio", "u_correctionRatio", "u_cameraAngle", "u_matrix"];

// Each shape as triangles: corners in units of the node's radius.
const TRIANGLES = {
  square: [[1, 1], [-1, 1], [1, -1], [-1, 1], [1, -1], [-1, -1]],
  diamond: [[0, 1.35], [1.35, 0], [0, -1.35], [0, 1.35], [0, -1.35], [-1.35, 0]],
  triangle: [[0, 1.45], [-1.256, -0.725], [1.256, -0.725]],
};

function polygonProgram(corners) {
  return class extends NodeProgram {
    getDefinition() {
      const { FLOAT, UNSIGNED_BYTE, TRIANGLES: METHOD } = WebGLRenderingContext;
      return {
        VERTICES: corners.length,
        VERTEX_SHADER_SOURCE: VERTEX,
        FRAGMENT_SHADER_SOURCE: FRAGMENT,
        METHOD,
        UNIFORMS,
        ATTRIBUTES: [
          { name: "a_position", size: 2, type: FLOAT },
          { name: "a_size", size: 1, type: FLOAT },
          { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
        ],
        CONSTANT_ATTRIBUTES: [{ name: "a_corner", size: 2, type: FLOAT }],
        CONSTANT_DATA: corners,
      };
    }

    processVisibleItem(nodeIndex, startIndex, data) {
      const array = this.array;
      array[startIndex++] = data.x;
      array[startIndex++] = data.y;
      array[startIndex++] = data.size;
      array[startIndex++] = floatColor(data.color);
      array[startIndex++] = nodeIndex;
    }

    setUniforms(params, { gl, uniformLocations }) {
      gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
      gl.uniform1f(uniformLocations.u_cameraAngle, params.cameraAngle);
      gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
      gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
    }
  };
}

export const SHAPES = ["circle", "square", "diamond", "triangle"];

export function nodePrograms() {
  return {
    circle: NodeCircleProgram,
    square: polygonProgram(TRIANGLES.square),
    diamond: polygonProgram(TRIANGLES.diamond),
    triangle: polygonProgram(TRIANGLES.triangle),
  };
}

export function shapeOf(name) {
  return SHAPES.includes(name) ? name : "circle";
}
