import sw from '/work/wt-harden-cli/vendor/fast-string-width/index.js';
let t='';process.stdin.on('data',d=>t+=d).on('end',()=>{const lim=+process.argv[2];for(const l of t.split('\n'))if(sw(l)>lim)console.log(sw(l)+': '+l.slice(0,100));});
