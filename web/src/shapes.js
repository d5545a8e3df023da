// Node programs for the picture's shapes: sigma draws a node with the program named by
// its `type` attribute. One small program for all four, each node as a few triangles
// around its centre; the circle is a square whose corners the fragment shader cuts off.
// Not instanced, unlike sigma's own programs: a software-rendered browser (headless
// chromium, SwiftShader) pays per instance, 200 ms a frame for 10,000 nodes.
import { NodeProgram } from "sigma/rendering";
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
varying vec2 v_corner;
varying float v_feather;

const float bias = 255.0 / 254.0;

void main() {
  // the radius of sigma's circles: a square's half side is the circle's radius
  float size = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  float c = cos(u_cameraAngle);
  float s = sin(u_cameraAngle);
  vec2 corner = vec2(c * a_corner.x - s * a_corner.y, s * a_corner.x + c * a_corner.y);
  gl_Position = vec4((u_matrix * vec3(a_position + size * corner, 1)).xy, 0, 1);
  v_corner = a_corner;
  v_feather = u_correctionRatio / max(size, 1e-9); // about a pixel, in radii
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
varying vec2 v_corner;
varying float v_feather;
uniform float u_disc;
void main(void) {
  if (u_disc > 0.5) {
    float r = length(v_corner);
    if (r > 1.0) discard;
    #ifdef PICKING_MODE
    gl_FragColor = v_color;
    #else
    gl_FragColor = v_color * (1.0 - smoothstep(1.0 - v_feather, 1.0, r));
    #endif
  } else {
    gl_FragColor = v_color;
  }
}
`;

const UNIFORMS = ["u_sizeRatio", "u_correctionRatio", "u_cameraAngle", "u_matrix", "u_disc"];

// Each shape as triangles: corners in units of the node's radius.
const SQUARE = [[1, 1], [-1, 1], [1, -1], [-1, 1], [1, -1], [-1, -1]];
const CORNERS = {
  circle: SQUARE,
  square: SQUARE,
  diamond: [[0, 1.35], [1.35, 0], [0, -1.35], [0, 1.35], [0, -1.35], [-1.35, 0]],
  triangle: [[0, 1.45], [-1.256, -0.725], [1.256, -0.725]],
};

function shapeProgram(corners, disc) {
  return class extends NodeProgram {
    getDefinition() {
      const { FLOAT, UNSIGNED_BYTE, TRIANGLES } = WebGLRenderingContext;
      return {
        VERTICES: corners.length,
        VERTEX_SHADER_SOURCE: VERTEX,
        FRAGMENT_SHADER_SOURCE: FRAGMENT,
        METHOD: TRIANGLES,
        UNIFORMS,
        ATTRIBUTES: [
          { name: "a_position", size: 2, type: FLOAT },
          { name: "a_size", size: 1, type: FLOAT },
          { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: "a_corner", size: 2, type: FLOAT },
        ],
      };
    }

    processVisibleItem(nodeId, startIndex, data) {
      const array = this.array;
      const color = floatColor(data.color);
      for (const [cx, cy] of corners) {
        array[startIndex++] = data.x;
        array[startIndex++] = data.y;
        array[startIndex++] = data.size;
        array[startIndex++] = color;
        array[startIndex++] = nodeId;
        array[startIndex++] = cx;
        array[startIndex++] = cy;
      }
    }

    setUniforms(params, { gl, uniformLocations }) {
      gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
      gl.uniform1f(uniformLocations.u_cameraAngle, params.cameraAngle);
      gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
      gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
      gl.uniform1f(uniformLocations.u_disc, disc ? 1 : 0);
    }
  };
}

export const SHAPES = Object.keys(CORNERS);

export function nodePrograms() {
  const programs = {};
  for (const shape of SHAPES) programs[shape] = shapeProgram(CORNERS[shape], shape === "circle");
  return programs;
}

export function shapeOf(name) {
  return SHAPES.includes(name) ? name : "circle";
}
