/**
 * The Phaser the production build bundles: Phaser's own "core" entry (phaser-core.js) less what
 * the game does not use, plus the few game objects it does — Container, Zone, Rectangle, Arc —
 * and nothing else (no physics, particles, tilemaps, bitmap text, meshes, sprites; no loader
 * but images and SVG; no sound, which src/view/audio synthesises itself: vite.config.ts turns
 * FEATURE_SOUND off).
 * Phaser cannot be tree-shaken, so this list is the tree-shaking: it takes the initial
 * JavaScript from about 472 KB gzip to what npm run bench prints (about 390 KB with the game).
 *
 * vite.config.ts points `phaser` here for `vite build` only; `vite` (dev) and the type checker
 * use the whole package. A game object used in src/ but missing here type-checks and works in
 * dev, then fails in the build: the browser tests (npm run test:e2e) run on the build and catch
 * it. Add the object and its factory below when a scene needs a new one.
 *
 * Adapted from node_modules/phaser/src/phaser-core.js (MIT, Phaser Studio Inc.).
 */

require('../node_modules/phaser/src/polyfills/requestVideoFrame');

var CONST = require('../node_modules/phaser/src/const');
var Extend = require('../node_modules/phaser/src/utils/object/Extend');

/**
 * Alternative Phaser entry-point for a Core build only.
 * See phaser.js for the JSDocs entry point.
 */

var Phaser = {

    Animations: require('../node_modules/phaser/src/animations'),
    BlendModes: require('../node_modules/phaser/src/renderer/BlendModes'),
    Cache: require('../node_modules/phaser/src/cache'),
    Cameras: { Scene2D: require('../node_modules/phaser/src/cameras/2d') },
    Core: require('../node_modules/phaser/src/core'),
    Class: require('../node_modules/phaser/src/utils/Class'),
    Data: require('../node_modules/phaser/src/data'),
    Display: {
        Canvas: { CanvasPool: require('../node_modules/phaser/src/display/canvas/CanvasPool') },
        Masks: require('../node_modules/phaser/src/display/mask')
    },
    DOM: require('../node_modules/phaser/src/dom'),
    Events: require('../node_modules/phaser/src/events'),
    Filters: require('../node_modules/phaser/src/filters'),
    Game: require('../node_modules/phaser/src/core/Game'),
    GameObjects: {
        DisplayList: require('../node_modules/phaser/src/gameobjects/DisplayList'),
        GameObjectCreator: require('../node_modules/phaser/src/gameobjects/GameObjectCreator'),
        GameObjectFactory: require('../node_modules/phaser/src/gameobjects/GameObjectFactory'),
        UpdateList: require('../node_modules/phaser/src/gameobjects/UpdateList'),
        Components: require('../node_modules/phaser/src/gameobjects/components'),
        BuildGameObject: require('../node_modules/phaser/src/gameobjects/BuildGameObject'),
        BuildGameObjectAnimation: require('../node_modules/phaser/src/gameobjects/BuildGameObjectAnimation'),
        GameObject: require('../node_modules/phaser/src/gameobjects/GameObject'),
        Graphics: require('../node_modules/phaser/src/gameobjects/graphics/Graphics'),
        Image: require('../node_modules/phaser/src/gameobjects/image/Image'),
        Layer: require('../node_modules/phaser/src/gameobjects/layer/Layer'),
        Text: require('../node_modules/phaser/src/gameobjects/text/Text'),
        Container: require('../node_modules/phaser/src/gameobjects/container/Container'),
        Zone: require('../node_modules/phaser/src/gameobjects/zone/Zone'),
        Shape: require('../node_modules/phaser/src/gameobjects/shape/Shape'),
        Rectangle: require('../node_modules/phaser/src/gameobjects/shape/rectangle/Rectangle'),
        Arc: require('../node_modules/phaser/src/gameobjects/shape/arc/Arc'),
        Events: require('../node_modules/phaser/src/gameobjects/events'),
        Factories: {
            Container: require('../node_modules/phaser/src/gameobjects/container/ContainerFactory'),
            Zone: require('../node_modules/phaser/src/gameobjects/zone/ZoneFactory'),
            Rectangle: require('../node_modules/phaser/src/gameobjects/shape/rectangle/RectangleFactory'),
            Arc: require('../node_modules/phaser/src/gameobjects/shape/arc/ArcFactory'),
            Graphics: require('../node_modules/phaser/src/gameobjects/graphics/GraphicsFactory'),
            Image: require('../node_modules/phaser/src/gameobjects/image/ImageFactory'),
            Layer: require('../node_modules/phaser/src/gameobjects/layer/LayerFactory'),
            Text: require('../node_modules/phaser/src/gameobjects/text/TextFactory')
        },
        Creators: {
            Container: require('../node_modules/phaser/src/gameobjects/container/ContainerCreator'),
            Zone: require('../node_modules/phaser/src/gameobjects/zone/ZoneCreator'),
            Graphics: require('../node_modules/phaser/src/gameobjects/graphics/GraphicsCreator'),
            Image: require('../node_modules/phaser/src/gameobjects/image/ImageCreator'),
            Layer: require('../node_modules/phaser/src/gameobjects/layer/LayerCreator'),
            Text: require('../node_modules/phaser/src/gameobjects/text/TextCreator')
        }
    },
    Input: require('../node_modules/phaser/src/input'),
    Loader: {
        FileTypes: {
            ImageFile: require('../node_modules/phaser/src/loader/filetypes/ImageFile'),
            SVGFile: require('../node_modules/phaser/src/loader/filetypes/SVGFile')
        },
        File: require('../node_modules/phaser/src/loader/File'),
        Events: require('../node_modules/phaser/src/loader/events'),
        FileTypesManager: require('../node_modules/phaser/src/loader/FileTypesManager'),
        GetURL: require('../node_modules/phaser/src/loader/GetURL'),
        LoaderPlugin: require('../node_modules/phaser/src/loader/LoaderPlugin'),
        MergeXHRSettings: require('../node_modules/phaser/src/loader/MergeXHRSettings'),
        MultiFile: require('../node_modules/phaser/src/loader/MultiFile'),
        XHRLoader: require('../node_modules/phaser/src/loader/XHRLoader'),
        XHRSettings: require('../node_modules/phaser/src/loader/XHRSettings')
    },
    Math: {
        Between: require('../node_modules/phaser/src/math/Between'),
        Clamp: require('../node_modules/phaser/src/math/Clamp'),
        DegToRad: require('../node_modules/phaser/src/math/DegToRad'),
        FloatBetween: require('../node_modules/phaser/src/math/FloatBetween'),
        RadToDeg: require('../node_modules/phaser/src/math/RadToDeg'),
        Vector2: require('../node_modules/phaser/src/math/Vector2')
    },
    Plugins: require('../node_modules/phaser/src/plugins'),
    Renderer: require('../node_modules/phaser/src/renderer'),
    Scale: require('../node_modules/phaser/src/scale'),
    ScaleModes: require('../node_modules/phaser/src/renderer/ScaleModes'),
    Scene: require('../node_modules/phaser/src/scene/Scene'),
    Scenes: require('../node_modules/phaser/src/scene'),
    Structs: require('../node_modules/phaser/src/structs'),
    Textures: require('../node_modules/phaser/src/textures'),
    Time: require('../node_modules/phaser/src/time'),
    TintModes: require('../node_modules/phaser/src/renderer/TintModes'),
    Tweens: require('../node_modules/phaser/src/tweens')
};

//  Merge in the optional plugins and WebGL only features

if (typeof FEATURE_SOUND)
{
    Phaser.Sound = require('../node_modules/phaser/src/sound');
}

//   Merge in the consts

Phaser = Extend(false, Phaser, CONST);

//  Export it

module.exports = Phaser;

global.Phaser = Phaser;
