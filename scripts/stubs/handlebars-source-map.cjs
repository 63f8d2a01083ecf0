// Stands in for the source-map library inside Handlebars in the bundle. Handlebars builds
// each compiled template's code through source-map's SourceNode when it can load it, and
// through its own string-joining stand-in when it cannot; briefbook never asks for a source
// map, and both give the same code. The library's SourceNode cost ~20 ms of a first build's
// template compiling, and its 62 KB were read and parsed at every start.
module.exports = {};
